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

    Figures(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The measures for the whole period. */
    Map<Measure, Figure> total(List<Measure> measures, Period period, Filters filters, CaseScope scope) {
        return grouped(measures, period, filters, scope, null, false).getOrDefault(TOTAL, empty(measures));
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
            FactSql from = FactSql.over(anchor, dimension, period, filters, scope);
            String key = dimension != null ? FactSql.key(dimension, anchor)
                    : trend ? bucket(anchor, period) : "''";
            StringBuilder select = new StringBuilder("SELECT ").append(key).append(" AS k");
            for (Measure m : ms) {
                select.append(", SUM(CASE WHEN ").append(m.numeratorRow).append(" THEN ").append(m.weight)
                        .append(" ELSE 0 END)");
                String denominator = m.denominatorRow != null ? m.denominatorRow : m.numeratorRow;
                select.append(", SUM(CASE WHEN ").append(denominator).append(" THEN 1 ELSE 0 END)");
                select.append(m.kind() == Measure.Kind.MINUTES_P90
                        ? ", PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY " + m.weight + ")" : ", NULL");
            }
            select.append(from.sql);
            if (dimension != null || trend && period.steps().size() > 1) {
                select.append(" GROUP BY ").append(key);
            }
            String sql = select.toString();
            jdbc.query(sql, from.params, (ResultSet rs) -> {
                String k = rs.getString(1);
                Map<Measure, Figure> figures = result.computeIfAbsent(k == null ? null : k, x -> empty(measures));
                int column = 2;
                for (Measure m : ms) {
                    long numerator = rs.getLong(column);
                    long denominator = rs.getLong(column + 1);
                    Double percentile = number(rs, column + 2);
                    figures.put(m, Figure.of(m, numerator, denominator, percentile));
                    column += 3;
                }
            });
        }
        return result;
    }

    /**
     * The sub-period a row's anchor falls in, as its first day. The boundaries are written as literals, so that
     * the expression grouped by is the very one selected; they are our own dates (a parsed LocalDate each), never
     * request text.
     */
    static String bucket(Measure.Anchor anchor, Period period) {
        List<java.time.LocalDate> steps = period.steps();
        if (steps.size() == 1) {
            return "'" + steps.get(0) + "'"; // a single day: one sub-period, nothing to choose
        }
        StringBuilder cases = new StringBuilder("CASE");
        for (int i = 1; i < steps.size(); i++) {
            java.time.OffsetDateTime boundary = steps.get(i).atStartOfDay(period.zone()).toOffsetDateTime();
            cases.append(" WHEN ").append(anchor.column).append(" < TIMESTAMP WITH TIME ZONE '")
                    .append(boundary.format(LITERAL))
                    .append("' THEN '").append(steps.get(i - 1)).append("'");
        }
        return cases.append(" ELSE '").append(steps.get(steps.size() - 1)).append("' END").toString();
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
