package org.gridcase.evaluation;

import java.time.Instant;
import java.util.List;

/** What the evaluation API answers, as records (the pages and exports of part B read the same). */
public final class EvaluationViews {

    private EvaluationViews() {
    }

    /** A measure's definition, for the tooltip beside its number and for the README. */
    public record Definition(Measure measure, String label, String unit, String countedBy, String definition) {

        static Definition of(Measure m) {
            return new Definition(m, m.label(), m.unit(), m.countedBy(), m.definition());
        }
    }

    /** The period as answered: its kind, first day and last day (inclusive), and how its trend is divided. */
    public record PeriodView(Period.Kind kind, String kindLabel, String from, String to, Period.Kind step) {

        static PeriodView of(Period p) {
            return new PeriodView(p.kind(), p.kind().label(), p.from().toString(), p.to().minusDays(1).toString(),
                    p.step());
        }
    }

    /** The headline figures of a period with their samples, and the same per sub-period. */
    public record Overview(PeriodView period, Filters filters, List<Figure> figures, List<TrendPoint> trend) {
    }

    /** One sub-period: its first day and its figures. */
    public record TrendPoint(String from, List<Figure> figures) {
    }

    /** The figures per value of a dimension. */
    public record Breakdown(PeriodView period, Dimension dimension, String dimensionLabel, Filters filters,
            List<Row> rows) {
    }

    /** One value of the dimension ({@code key} null: cases not placed / no department), with its name. */
    public record Row(String key, String name, List<Figure> figures) {
    }

    /** A case behind a number, as the caller may see it. */
    public record CaseRow(String caseNumber, String categoryName, String statusLabel, String address,
            Instant receivedAt, Instant closedAt, String leadDepartment) {
    }

    /** A page of the cases behind a number. */
    public record CasesBehind(Measure measure, String label, String part, PeriodView period, long total, int page,
            int size, List<CaseRow> cases) {
    }
}
