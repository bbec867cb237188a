package org.gridcase.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.gridcase.evaluation.EvaluationViews.PeriodView;

/** What the hotspots API answers. */
public final class HotspotViews {

    private HotspotViews() {
    }

    /**
     * The units ranked by volume ({@code total} of them; {@code rows} the first {@code limit}), and the first days of
     * the months their {@code trend}s count.
     */
    public record HotspotList(PeriodView period, Dimension level, String levelLabel, Filters filters, int total,
            List<String> trendMonths, List<Hotspot> rows) {
    }

    /**
     * One unit: received in the period; of them, repeat requests ({@code repeatRate} of received); of the cases
     * closed in the period with an answered return visit ({@code answered}), those answered 未解决 or 部分解决
     * ({@code unresolved}, {@code unresolvedShare}); its open cases past their limit now; received per month.
     */
    public record Hotspot(String key, String name, String parentName, long received, long repeats, Double repeatRate,
            long unresolved, long answered, Double unresolvedShare, long overdueOpen, List<Long> trend) {
    }

    /** A unit before and after a date: two windows of {@code days} days each, and the change of each measure. */
    public record Comparison(String unit, String unitName, String from, long days, Window before, Window after,
            List<Change> changes) {
    }

    /** One window's figures, each with its sample. */
    public record Window(PeriodView period, List<Figure> figures) {
    }

    /**
     * How a measure moved: {@code difference} after minus before, in the measure's unit (percentage points for a
     * rate); null when either side has no sample.
     */
    public record Change(Measure measure, String label, String unit, Double before, Double after, Double difference) {

        static Change of(Measure m, Figure before, Figure after) {
            Double difference = before.value() == null || after.value() == null ? null
                    : BigDecimal.valueOf(after.value() - before.value()).setScale(2, RoundingMode.HALF_UP)
                            .doubleValue();
            return new Change(m, m.label(), m.unit(), before.value(), after.value(), difference);
        }
    }
}
