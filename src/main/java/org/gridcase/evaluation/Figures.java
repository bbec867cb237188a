package org.gridcase.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gridcase.casework.CaseScope;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Computes measures with group-by queries over the facts: one query per anchor (received, closed, summoned), each
 * measure a conditional sum, grouped by a dimension, by the period's sub-periods, or not at all.
 */
@Component
class Figures {

    static final String TOTAL = "";

    /** A timestamp literal both PostgreSQL and H2 read: seconds and the offset written out. */
    private static final java.time.format.DateTimeFormatter LITERAL =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx");

    private final NamedParameterJdbcTemplate jdbc;
    private final MonthlySums months;

    Figures(NamedParameterJdbcTemplate jdbc, MonthlySums months) {
        this.jdbc = jdbc;
        this.months = months;
    }

    /** The measures for the whole period. */
    Map<Measure, Figure> total(List<Measure> measures, Period period, Filters filters, CaseScope scope) {
        return grouped(measures, period, filters, scope, null, false).getOrDefault(TOTAL, empty(measures));
    }

    /** The whole period's measures and its trend, from one scan per anchor (see {@link #totalAndTrend}). */
    record TotalAndTrend(Map<Measure, Figure> total, Map<String, Map<Measure, Figure>> trend) {
    }

    /**
     * The measures for the whole period and per sub-period, with one query per anchor instead of two: the whole
     * period's numerators and denominators are the sums of its sub-periods' (every row falls in exactly one), so
     * only a percentile, which does not add up, is asked of the database again for the whole period.
     */
    TotalAndTrend totalAndTrend(List<Measure> measures, Period period, Filters filters, CaseScope scope) {
        Map<String, Map<Measure, Figure>> trend = trend(measures, period, filters, scope);
        Map<Measure, long[]> sums = new EnumMap<>(Measure.class);
        trend.values().forEach(figures -> figures.forEach((m, f) -> {
            long[] sum = sums.computeIfAbsent(m, x -> new long[2]);
            sum[0] += f.numerator() == null ? 0 : f.numerator();
            sum[1] += f.denominator();
        }));
        Map<Measure, Figure> total = empty(measures);
        sums.forEach((m, sum) -> total.put(m, Figure.of(m, sum[0], sum[1], null)));
        List<Measure> percentiles = measures.stream().filter(m -> m.kind() == Measure.Kind.MINUTES_P90).toList();
        if (!percentiles.isEmpty()) {
            total.putAll(total(percentiles, period, filters, scope));
        }
        return new TotalAndTrend(total, trend);
    }

    /** The measures per sub-period, keyed by the sub-period's first day (yyyy-MM-dd), every sub-period present. */
    Map<String, Map<Measure, Figure>> trend(List<Measure> measures, Period period, Filters filters, CaseScope scope) {
        Map<String, Map<Measure, Figure>> found = grouped(measures, period, filters, scope, null, true);
        Map<String, Map<Measure, Figure>> all = new LinkedHashMap<>();
        for (java.time.LocalDate step : period.steps()) {
            all.put(step.toString(), found.getOrDefault(step.toString(), empty(measures)));
        }
        return all;
    }

    /** The measures per value of the dimension (null: not placed), in the order of the keys. */
    Map<String, Map<Measure, Figure>> by(Dimension dimension, List<Measure> measures, Period period, Filters filters,
            CaseScope scope) {
        return grouped(measures, period, filters, scope, dimension, false);
    }

    /**
     * How many cases of the period are rows {@code row} (within the breakdown's {@code key} when given), from the
     * monthly sums; null when they cannot say (then the facts are counted).
     */
    Long counted(Measure.Anchor anchor, String row, Dimension dimension, String key, Period period, Filters filters,
            CaseScope scope) {
        String sum = sum(row, "1");
        if (!months.answer(anchor, dimension, period, false, filters, scope, List.of(sum))) {
            return null;
        }
        FactSql from = FactSql.overMonths(months.table(dimension, filters), anchor, period, filters, scope);
        if (key != null) {
            from.sql.append(" AND ").append(FactSql.monthlyKey(dimension, anchor)).append(" = :key");
            from.params.addValue("key", key);
        }
        Long n = jdbc.queryForObject("SELECT SUM(f." + MonthlySums.COLUMNS.get(sum) + ")" + from.sql, from.params,
                Long.class);
        return n == null ? 0 : n;
    }

    private Map<String, Map<Measure, Figure>> grouped(List<Measure> measures, Period period, Filters filters,
            CaseScope scope, Dimension dimension, boolean trend) {
        Map<String, Map<Measure, Figure>> result = new TreeMap<>(java.util.Comparator.nullsLast(
                java.util.Comparator.naturalOrder()));
        if (scope.none()) {
            return result;
        }
        Map<Measure.Anchor, List<Measure>> byAnchor = new EnumMap<>(Measure.Anchor.class);
        for (Measure m : measures) {
            if (m.kind() != Measure.Kind.NOT_YET) {
                byAnchor.computeIfAbsent(m.anchor, a -> new ArrayList<>()).add(m);
            }
        }
        for (Map.Entry<Measure.Anchor, List<Measure>> entry : byAnchor.entrySet()) {
            Measure.Anchor anchor = entry.getKey();
            List<Measure> ms = entry.getValue();
            String key = dimension != null ? FactSql.key(dimension, anchor)
                    : trend ? bucket(anchor.column, period) : "''";
            // each distinct sum once: many measures share a denominator (every row, every dispatched case), and
            // a sum over every row is a count; a measure reads its three values from the columns it was given
            Map<String, Integer> columns = new LinkedHashMap<>();
            int[][] read = new int[ms.size()][3];
            for (int i = 0; i < ms.size(); i++) {
                Measure m = ms.get(i);
                String denominator = m.denominatorRow != null ? m.denominatorRow : m.numeratorRow;
                read[i][0] = column(columns, sum(m.numeratorRow, m.weight));
                read[i][1] = column(columns, sum(denominator, "1"));
                read[i][2] = m.kind() == Measure.Kind.MINUTES_P90
                        ? column(columns, "PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY " + m.weight + ")") : -1;
            }
            if (anchor.checkIns) {
                CheckInSums.Level level = months.checkIns(dimension, period, trend, filters, scope, columns.keySet());
                if (level != null) {
                    fromCheckInSums(level, measures, ms, columns, read, period, filters, scope, dimension, trend,
                            result);
                    continue;
                }
            }
            // whole months of the case's own times: the monthly sums, summed (the same numbers, fewer rows)
            boolean monthly = months.answer(anchor, dimension, period, trend, filters, scope, columns.keySet());
            FactSql from = monthly
                    ? FactSql.overMonths(months.table(dimension, filters), anchor, period, filters, scope)
                    : FactSql.over(anchor, dimension, period, filters, scope, false, months.kept());
            key = monthly && dimension != null ? FactSql.monthlyKey(dimension, anchor) : from.column(key);
            if (monthly && dimension == null && trend) {
                key = bucket("f.month_start", period);
            }
            StringBuilder select = new StringBuilder("SELECT ").append(key).append(" AS k");
            columns.keySet().forEach(expression -> select.append(", ").append(
                    monthly ? "SUM(f." + MonthlySums.COLUMNS.get(expression) + ")" : expression));
            select.append(from.sql);
            if (dimension != null || trend && period.steps().size() > 1) {
                select.append(" GROUP BY ").append(key);
                if (monthly) {
                    // a key whose pending rows took its last case away (FactSql.withPending) has none
                    select.append(" HAVING SUM(f.cases) <> 0");
                }
            }
            String sql = select.toString();
            jdbc.query(sql, from.params, (ResultSet rs) -> {
                String k = rs.getString(1);
                // the monthly sums keep an absent unit or department as '' (one row per key), the facts as NULL
                Map<Measure, Figure> figures = result.computeIfAbsent(
                        k == null || dimension != null && k.isEmpty() ? null : k, x -> empty(measures));
                for (int i = 0; i < ms.size(); i++) {
                    long numerator = rs.getLong(read[i][0]);
                    long denominator = rs.getLong(read[i][1]);
                    Double percentile = read[i][2] < 0 ? null : number(rs, read[i][2]);
                    figures.put(ms.get(i), Figure.of(ms.get(i), numerator, denominator, percentile));
                }
            });
        }
        return result;
    }

    /**
     * Check-in measures from the check-ins' monthly sums ({@link CheckInSums}): the rows of each key and minutes
     * summed by the database, then per key the sums added up and the P90 taken from the minutes' counts.
     */
    private void fromCheckInSums(CheckInSums.Level level, List<Measure> measures, List<Measure> ms,
            Map<String, Integer> columns, int[][] read, Period period, Filters filters, CaseScope scope,
            Dimension dimension, boolean trend, Map<String, Map<Measure, Figure>> result) {
        FactSql from = FactSql.overCheckInMonths(level, dimension != null && dimension.byDepartment()
                ? dimension.lead() : null, period, filters, scope);
        boolean grouped = dimension != null || trend && period.steps().size() > 1;
        String key = dimension != null ? (dimension.byDepartment() ? "f.department_code" : dimension.column)
                : trend ? bucket("f.month_start", period) : "''";
        StringBuilder select = new StringBuilder("SELECT ").append(key).append(" AS k");
        columns.keySet().forEach(expression -> select.append(", ").append(CheckInSums.COLUMNS.get(expression)));
        int minutes = columns.size() + 2;
        select.append(", f.minutes, SUM(f.summons)").append(from.sql).append(" GROUP BY ")
                .append(grouped ? key + ", " : "").append("f.minutes HAVING SUM(f.summons) <> 0");
        Map<String, long[]> sums = new java.util.HashMap<>();
        Map<String, java.util.TreeMap<Integer, Long>> distributions = new java.util.HashMap<>();
        jdbc.query(select.toString(), from.params, (ResultSet rs) -> {
            String k = rs.getString(1);
            k = k == null || dimension != null && k.isEmpty() ? null : k;
            long[] sum = sums.computeIfAbsent(k, x -> new long[minutes]);
            for (int c = 2; c < minutes; c++) {
                sum[c] += rs.getLong(c);
            }
            int m = rs.getInt(minutes);
            if (m >= 0) {
                distributions.computeIfAbsent(k, x -> new java.util.TreeMap<>()).merge(m, rs.getLong(minutes + 1),
                        Long::sum);
            }
        });
        sums.forEach((k, sum) -> {
            Map<Measure, Figure> figures = result.computeIfAbsent(k, x -> empty(measures));
            for (int i = 0; i < ms.size(); i++) {
                Double percentile = read[i][2] < 0 ? null
                        : CheckInSums.p90(distributions.getOrDefault(k, new java.util.TreeMap<>()));
                figures.put(ms.get(i), Figure.of(ms.get(i), sum[read[i][0]], sum[read[i][1]], percentile));
            }
        });
    }

    /**
     * The sub-period a row's anchor falls in, as its first day. The boundaries are written as literals, so that
     * the expression grouped by is the very one selected; they are our own dates (a parsed LocalDate each), never
     * request text.
     */
    static String bucket(String column, Period period) {
        List<java.time.LocalDate> steps = period.steps();
        if (steps.size() == 1) {
            return "'" + steps.get(0) + "'"; // a single day: one sub-period, nothing to choose
        }
        StringBuilder cases = new StringBuilder("CASE");
        for (int i = 1; i < steps.size(); i++) {
            java.time.OffsetDateTime boundary = steps.get(i).atStartOfDay(period.zone()).toOffsetDateTime();
            cases.append(" WHEN ").append(column).append(" < TIMESTAMP WITH TIME ZONE '")
                    .append(boundary.format(LITERAL))
                    .append("' THEN '").append(steps.get(i - 1)).append("'");
        }
        return cases.append(" ELSE '").append(steps.get(steps.size() - 1)).append("' END").toString();
    }

    /** {@code SUM(CASE WHEN row THEN weight ELSE 0 END)}; over every row and weighing 1, {@code COUNT(*)}. */
    static String sum(String row, String weight) {
        return "1=1".equals(row) && "1".equals(weight) ? "COUNT(*)"
                : "SUM(CASE WHEN " + row + " THEN " + weight + " ELSE 0 END)";
    }

    /** The result column (from 2: the key is the first) of the expression, added if new. */
    private static int column(Map<String, Integer> columns, String expression) {
        return columns.computeIfAbsent(expression, e -> columns.size() + 2);
    }

    static Map<Measure, Figure> empty(List<Measure> measures) {
        Map<Measure, Figure> figures = new EnumMap<>(Measure.class);
        for (Measure m : measures) {
            figures.put(m, Figure.of(m, 0, 0, null));
        }
        return figures;
    }

    private static Double number(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        return value instanceof Number n ? n.doubleValue() : null;
    }
}
