package org.gridcase.evaluation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.casework.CaseQueries;
import org.gridcase.casework.CaseScope;
import org.gridcase.evaluation.HotspotViews.Comparison;
import org.gridcase.evaluation.HotspotViews.Hotspot;
import org.gridcase.evaluation.HotspotViews.HotspotList;
import org.gridcase.evaluation.HotspotViews.Window;
import org.gridcase.system.InvalidRequestException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 热点: the communities (or grids) a district would send 治理书记 to, ranked by volume, each with its repeat
 * requests, its unresolved share and its cases open past their limit, all with their samples, and its volume
 * month by month for the twelve months up to the period's end; and the before/after comparison of a unit from
 * a chosen date. Every figure is the caller's ({@link CaseQueries#scope()}), like the rest of the evaluation.
 */
@Component
class Hotspots {

    static final int TREND_MONTHS = 12;
    static final int MAX_LIMIT = 1000;
    /** The headline measures compared before and after a date. */
    static final List<Measure> COMPARED = List.of(Measure.RECEIVED, Measure.CLOSED, Measure.CLOSURE_RATE,
            Measure.ON_TIME_RATE, Measure.RESPONSE_RATE, Measure.SOLVED_RATE, Measure.UNRESOLVED_RATE,
            Measure.SATISFACTION_RATE, Measure.REOPEN_RATE, Measure.REPEAT_RATE);
    private static final List<Measure> RANKED = List.of(Measure.RECEIVED, Measure.REPEAT_RATE,
            Measure.UNRESOLVED_RATE);

    private final Evaluation evaluation;
    private final Figures figures;
    private final CaseQueries cases;
    private final KeyNames names;
    private final NamedParameterJdbcTemplate jdbc;

    Hotspots(Evaluation evaluation, Figures figures, CaseQueries cases, KeyNames names,
            NamedParameterJdbcTemplate jdbc) {
        this.evaluation = evaluation;
        this.figures = figures;
        this.cases = cases;
        this.names = names;
        this.jdbc = jdbc;
    }

    static Dimension level(String level) {
        if (level == null || level.isBlank() || level.trim().equalsIgnoreCase("COMMUNITY")) {
            return Dimension.COMMUNITY;
        }
        if (level.trim().equalsIgnoreCase("GRID")) {
            return Dimension.GRID;
        }
        throw new InvalidRequestException("level", "热点层级只能是 COMMUNITY（社区）或 GRID（网格）");
    }

    HotspotList list(Dimension level, Period period, Filters filters, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "条数应为 1 至 " + MAX_LIMIT);
        }
        CaseScope scope = cases.scope();
        Period trendPeriod = trendPeriod(period);
        List<String> months = trendPeriod.steps().stream().map(LocalDate::toString).toList();
        Map<String, Map<Measure, Figure>> byUnit = figures.by(level, RANKED, period, filters, scope);
        Map<String, Long> overdue = overdueOpen(level, filters, scope);
        Map<String, long[]> trends = monthly(level, trendPeriod, filters, scope, months);
        List<Hotspot> rows = new ArrayList<>();
        byUnit.forEach((key, fs) -> {
            if (key == null) {
                return; // cases not placed in any unit are nobody's hotspot
            }
            Figure received = fs.get(Measure.RECEIVED);
            Figure repeat = fs.get(Measure.REPEAT_RATE);
            Figure unresolved = fs.get(Measure.UNRESOLVED_RATE);
            long[] trend = trends.getOrDefault(key, new long[months.size()]);
            rows.add(new Hotspot(key, names.of(level, key), parentName(level, key), received.numerator(),
                    repeat.numerator(), repeat.value(), unresolved.numerator(), unresolved.denominator(),
                    unresolved.value(), overdue.getOrDefault(key, 0L),
                    java.util.Arrays.stream(trend).boxed().toList()));
        });
        // a unit with nothing received in the period may still hold open cases past their limit: not a volume
        // hotspot, so it is not listed; ties by repeat requests, then by code for a stable order
        rows.removeIf(r -> r.received() == 0);
        rows.sort(Comparator.comparingLong(Hotspot::received).reversed()
                .thenComparing(Comparator.comparingLong(Hotspot::repeats).reversed())
                .thenComparing(Hotspot::key));
        int total = rows.size();
        return new HotspotList(EvaluationViews.PeriodView.of(period), level, level.label(), filters, total,
                months, rows.subList(0, Math.min(limit, total)));
    }

    /**
     * The unit's figures in the window before {@code from} and in the window from it, of equal length: from
     * {@code from} to {@code to} (inclusive; today if absent), and as many days before.
     */
    Comparison compare(String unit, String from, String to) {
        if (unit == null || unit.isBlank()) {
            throw new InvalidRequestException("unit", "请指定要比较的社区（或网格、街道）代码");
        }
        Filters filters = new Filters(unit, null, null, null);
        LocalDate today = evaluation.today();
        LocalDate start = day("from", from);
        if (start == null) {
            throw new InvalidRequestException("from", "请指定比较的起始日期（yyyy-MM-dd）");
        }
        LocalDate end = to == null || to.isBlank() ? today : day("to", to);
        if (start.isAfter(today)) {
            throw new InvalidRequestException("from", "起始日期不能晚于今天");
        }
        if (end.isBefore(start)) {
            throw new InvalidRequestException("to", "结束日期不能早于起始日期");
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > Period.MAX_DAYS / 2) {
            throw new InvalidRequestException("to", "比较窗口最长 " + Period.MAX_DAYS / 2 + " 天");
        }
        Period after = custom(start, end.plusDays(1));
        Period before = custom(start.minusDays(days), start);
        CaseScope scope = cases.scope();
        Map<Measure, Figure> was = figures.total(COMPARED, before, filters, scope);
        Map<Measure, Figure> is = figures.total(COMPARED, after, filters, scope);
        List<HotspotViews.Change> changes = COMPARED.stream().map(m -> HotspotViews.Change.of(m, was.get(m),
                is.get(m))).toList();
        return new Comparison(unit, names.unit(unit), start.toString(), days,
                new Window(EvaluationViews.PeriodView.of(before), ordered(was)),
                new Window(EvaluationViews.PeriodView.of(after), ordered(is)), changes);
    }

    /** The twelve months up to and including the month of the period's last day. */
    Period trendPeriod(Period period) {
        YearMonth last = YearMonth.from(period.to().minusDays(1));
        LocalDate first = last.minusMonths(TREND_MONTHS - 1L).atDay(1);
        return new Period(Period.Kind.CUSTOM, first, last.plusMonths(1).atDay(1), Period.Kind.MONTH, period.zone());
    }

    /** Volumes (received) per unit and month, one query: the months as {@link Figures}'s trend divides them. */
    private Map<String, long[]> monthly(Dimension level, Period trendPeriod, Filters filters, CaseScope scope,
            List<String> months) {
        Map<String, long[]> result = new HashMap<>();
        if (scope.none()) {
            return result;
        }
        FactSql from = FactSql.over(Measure.Anchor.RECEIVED, level, trendPeriod, filters, scope);
        String bucket = Figures.bucket(Measure.Anchor.RECEIVED.column, trendPeriod);
        String key = FactSql.key(level, Measure.Anchor.RECEIVED);
        jdbc.query("SELECT " + key + ", " + bucket + ", COUNT(*)" + from.sql + " AND " + key + " IS NOT NULL"
                + " GROUP BY " + key + ", " + bucket, from.params, rs -> {
                    int index = months.indexOf(rs.getString(2));
                    if (index >= 0) {
                        result.computeIfAbsent(rs.getString(1), k -> new long[months.size()])[index] = rs.getLong(3);
                    }
                });
        return result;
    }

    /** Open cases whose handling limit has passed, now, per unit: a snapshot, not a figure of the period. */
    private Map<String, Long> overdueOpen(Dimension level, Filters filters, CaseScope scope) {
        Map<String, Long> result = new HashMap<>();
        if (scope.none()) {
            return result;
        }
        FactSql from = overdueOpen(level, filters, scope, untilNow());
        String key = FactSql.key(level, Measure.Anchor.DUE);
        jdbc.query("SELECT " + key + ", COUNT(*)" + from.sql + " GROUP BY " + key, from.params, rs -> {
            result.put(rs.getString(1), rs.getLong(2));
        });
        return result;
    }

    /**
     * The cases behind a unit's 超期在办 ({@code key} of the level; all the caller's when null), as counted in the
     * list: the same query, narrowed to the unit, its cases read through casework under the caller's scope.
     */
    EvaluationViews.CasesBehind overdueCases(Dimension level, String key, Filters filters, int page, int size) {
        CaseScope scope = cases.scope();
        Period untilNow = untilNow();
        if (scope.none()) {
            return Evaluation.none(OVERDUE_OPEN, untilNow, page, size);
        }
        FactSql from = overdueOpen(level, filters, scope, untilNow);
        if (key != null) {
            from.sql.append(" AND ").append(FactSql.key(level, Measure.Anchor.DUE)).append(" = :key");
            from.params.addValue("key", key);
        }
        return evaluation.listed(OVERDUE_OPEN, untilNow, from, page, size);
    }

    static final String OVERDUE_OPEN = "超期在办";

    /** Every limit up to tomorrow, through the facts' usual FROM/WHERE (scope and filters), then the exact now. */
    private FactSql overdueOpen(Dimension level, Filters filters, CaseScope scope, Period untilNow) {
        FactSql from = FactSql.over(Measure.Anchor.DUE, level, untilNow, filters, scope);
        from.params.addValue("now", FactWriter.ts(ClockUtil.getCurrentTime().toInstant()));
        from.sql.append(" AND f.closed_at IS NULL AND f.handling_due < :now");
        return from;
    }

    private Period untilNow() {
        return custom(LocalDate.of(2000, 1, 1), evaluation.today().plusDays(1));
    }

    private String parentName(Dimension level, String key) {
        if (key.length() < (level == Dimension.GRID ? 15 : 12)) {
            return null; // not a code of the registry's shape: nothing to name it by
        }
        // codes nest: a community's first nine digits are its street's, a grid's first twelve its community's
        return level == Dimension.GRID ? names.unit(key.substring(0, 12)) + " · " + names.unit(key.substring(0, 9))
                : names.unit(key.substring(0, 9));
    }

    private Period custom(LocalDate from, LocalDate toExclusive) {
        return new Period(Period.Kind.CUSTOM, from, toExclusive,
                ChronoUnit.DAYS.between(from, toExclusive) <= 62 ? Period.Kind.DAY : Period.Kind.MONTH,
                evaluation.zone());
    }

    private static List<Figure> ordered(Map<Measure, Figure> figures) {
        return COMPARED.stream().map(figures::get).toList();
    }

    private static LocalDate day(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidRequestException(field, "日期格式应为 yyyy-MM-dd");
        }
    }
}
