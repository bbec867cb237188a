package org.gridcase.evaluation;

import java.util.ArrayList;
import java.util.List;

import org.gridcase.casework.CaseScope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The FROM and WHERE of every query over the facts: the period on the measure's anchor, the filters, and the
 * caller's scope as casework spells it ({@link CaseScope}), the same rule as the case list's. Values are bound.
 */
final class FactSql {

    final StringBuilder sql = new StringBuilder();
    final MapSqlParameterSource params = new MapSqlParameterSource();

    private FactSql() {
    }

    /**
     * {@code case_fact f}, with {@code checkin_fact c} for check-in measures, with the assisting summonses
     * {@code d} when broken down by assisting department, with the disputes' {@code mediation_fact m} for the
     * mediation measures and the breakdown by mediator.
     */
    static FactSql over(Measure.Anchor anchor, Dimension dimension, Period period, Filters filters, CaseScope scope) {
        return over(anchor, dimension, period, filters, scope, true);
    }

    /**
     * As {@link #over(Measure.Anchor, Dimension, Period, Filters, CaseScope)}; {@code withCase} false: a
     * check-in measure that asks nothing of the case reads {@code checkin_fact c} alone (for sums, not lists).
     */
    static FactSql over(Measure.Anchor anchor, Dimension dimension, Period period, Filters filters, CaseScope scope,
            boolean withCase) {
        return over(anchor, dimension, period, filters, scope, withCase, false);
    }

    /**
     * As above; {@code caseKeys}: the check-ins carry their case's place, category and channel (PostgreSQL's
     * trigger keeps them, V52), so that a check-in measure asked for a unit, category or channel, or within a
     * scope of units, reads check-ins alone, the case's columns ({@code f.}) read from the check-in's
     * ({@code c.}): see {@link #column(String)}.
     */
    static FactSql over(Measure.Anchor anchor, Dimension dimension, Period period, Filters filters, CaseScope scope,
            boolean withCase, boolean caseKeys) {
        FactSql q = new FactSql();
        if (anchor.checkIns) {
            // nothing of the case asked: its check-ins alone (every check-in row has its case's row)
            q.checkInsAlone = !withCase && (!needsCase(dimension, filters, scope)
                    || caseKeys && scope.openedBy() == null && (dimension == null || dimension.byDepartment()
                            || KEYS_ON_CHECK_INS.contains(dimension)));
            q.sql.append(q.checkInsAlone ? " FROM checkin_fact c"
                    : " FROM case_fact f JOIN checkin_fact c ON c.case_number = f.case_number");
        } else if (dimension == Dimension.ASSISTING_DEPARTMENT) {
            q.sql.append(" FROM case_fact f");
            // the assisting summonses of this period's cases only, not of every case there is
            String column = anchor.column.replace("f.", "a.");
            q.sql.append(" JOIN (SELECT DISTINCT s.case_number, s.department_code FROM checkin_fact s"
                    + " JOIN case_fact a ON a.case_number = s.case_number WHERE s.lead = FALSE AND ")
                    .append(column).append(" >= :from AND ").append(column).append(" < :to) d")
                    .append(" ON d.case_number = f.case_number");
        } else {
            q.sql.append(" FROM case_fact f");
        }
        if (anchor.mediations || dimension == Dimension.MEDIATOR) {
            q.sql.append(" JOIN mediation_fact m ON m.case_number = f.case_number");
        }
        q.sql.append(" WHERE ").append(anchor.column).append(" >= :from AND ").append(anchor.column).append(" < :to");
        q.params.addValue("from", FactWriter.ts(period.start())).addValue("to", FactWriter.ts(period.end()));
        if (anchor.checkIns && dimension != null && dimension.byDepartment()) {
            q.sql.append(" AND c.lead = :lead");
            q.params.addValue("lead", dimension.lead());
        }
        q.where(filters);
        if (filters.department() != null) {
            q.sql.append(anchor.checkIns ? " AND c.department_code = :department"
                    : " AND EXISTS (SELECT 1 FROM checkin_fact x WHERE x.case_number = f.case_number"
                            + " AND x.department_code = :department)");
            q.params.addValue("department", filters.department());
        }
        q.sql.append(" AND ").append(scope(scope, q.params));
        if (q.checkInsAlone) {
            String text = q.column(q.sql.toString());
            q.sql.setLength(0);
            q.sql.append(text);
        }
        return q;
    }

    /** The case's columns a check-in carries (V51), and the breakdowns by them. */
    private static final java.util.Set<Dimension> KEYS_ON_CHECK_INS = java.util.EnumSet.of(Dimension.DISTRICT,
            Dimension.STREET, Dimension.COMMUNITY, Dimension.GRID, Dimension.CATEGORY_GROUP, Dimension.CATEGORY,
            Dimension.CHANNEL);

    /** Whether the check-ins are read alone, their copies of the case's columns standing for the case's. */
    boolean checkInsAlone;

    /** An expression over the case's columns ({@code f.}) as this query reads them. */
    String column(String expression) {
        return checkInsAlone ? expression.replaceAll("\\bf\\.", "c.") : expression;
    }

    /**
     * {@code case_fact_month f}: the monthly sums of an anchor ({@link MonthlySums}), for a period of whole months,
     * with the filters of a unit, category and channel and a scope of units; its key columns are the facts' names.
     */
    static FactSql overMonths(String table, Measure.Anchor anchor, Period period, Filters filters,
            CaseScope scope) {
        FactSql q = new FactSql();
        // the table MonthlySums chose (our own names, never request text): the same columns in each
        q.sql.append(" FROM ").append(withPending(table))
                .append(" f WHERE f.anchor = :anchor AND f.month_start >= :from AND f.month_start < :to");
        q.params.addValue("anchor", anchor.name()).addValue("from", FactWriter.ts(period.start()))
                .addValue("to", FactWriter.ts(period.end()));
        q.where(filters);
        q.sql.append(" AND ").append(scope(scope, q.params));
        return q;
    }

    /**
     * {@code checkin_fact_month f}: the check-ins' monthly sums at a level ({@link CheckInSums}), for a period of
     * whole months, with a unit's filter and a scope of units (the level names them); {@code lead} the role of a
     * breakdown by department (null: none).
     */
    static FactSql overCheckInMonths(CheckInSums.Level level, Boolean lead, Period period, Filters filters,
            CaseScope scope) {
        FactSql q = new FactSql();
        q.sql.append(" FROM ").append(withPending("checkin_fact_month")).append(" f WHERE f.level = :level"
                + " AND f.month_start >= :from"
                + " AND f.month_start < :to");
        q.params.addValue("level", level.name()).addValue("from", FactWriter.ts(period.start()))
                .addValue("to", FactWriter.ts(period.end()));
        if (lead != null) {
            q.sql.append(" AND f.lead = :lead");
            q.params.addValue("lead", lead);
        }
        q.where(filters);
        q.sql.append(" AND ").append(scope(scope, q.params));
        return q;
    }

    /**
     * A sums table with the facts' contributions not yet folded into it (V61: the same columns, signed): summed
     * together they are what the facts committed so far sum to.
     */
    private static String withPending(String table) {
        return "(SELECT * FROM " + table + " UNION ALL SELECT * FROM " + table + "_pending)";
    }

    /** The filters of a unit, a category (leaf or group) and a channel: columns both tables have. */
    private void where(Filters filters) {
        FactSql q = this;
        if (filters.unitCode() != null) {
            q.sql.append(" AND ").append(filters.unitColumn()).append(" = :unit");
            q.params.addValue("unit", filters.unitCode());
        }
        if (filters.category() != null) {
            q.sql.append(" AND (f.category = :category OR f.category_group = :category)");
            q.params.addValue("category", filters.category());
        }
        if (filters.channel() != null) {
            q.sql.append(" AND f.channel = :channel");
            q.params.addValue("channel", filters.channel());
        }
    }

    /** Whether a check-in measure needs its case's row: for a unit, category or channel, or a caller's scope. */
    static boolean needsCase(Dimension dimension, Filters filters, CaseScope scope) {
        return !scope.all() || filters.unitCode() != null || filters.category() != null || filters.channel() != null
                || dimension != null && !dimension.byDepartment();
    }

    /** The column a breakdown groups by in the monthly sums ({@link #overMonths}). */
    static String monthlyKey(Dimension dimension, Measure.Anchor anchor) {
        return dimension == Dimension.ASSISTING_DEPARTMENT ? "f.department_code" : key(dimension, anchor);
    }

    /** The column a breakdown groups by, for this anchor. */
    static String key(Dimension dimension, Measure.Anchor anchor) {
        if (dimension.byDepartment()) {
            return anchor.checkIns ? "c.department_code"
                    : dimension.lead() ? "f.lead_department" : "d.department_code";
        }
        return dimension.column;
    }

    private static String scope(CaseScope scope, MapSqlParameterSource params) {
        if (scope.all()) {
            return "1=1";
        }
        List<String> any = new ArrayList<>();
        if (!scope.gridCodes().isEmpty()) {
            any.add("f.grid_code IN (:scopeGrids)");
            params.addValue("scopeGrids", scope.gridCodes());
        }
        if (!scope.communityCodes().isEmpty()) {
            any.add("f.community_code IN (:scopeCommunities)");
            params.addValue("scopeCommunities", scope.communityCodes());
        }
        if (!scope.streetCodes().isEmpty()) {
            any.add("f.street_code IN (:scopeStreets)");
            params.addValue("scopeStreets", scope.streetCodes());
        }
        if (!scope.departmentCodes().isEmpty()) {
            any.add("EXISTS (SELECT 1 FROM checkin_fact s WHERE s.case_number = f.case_number"
                    + " AND s.department_code IN (:scopeDepartments))");
            params.addValue("scopeDepartments", scope.departmentCodes());
        }
        if (scope.openedBy() != null) {
            any.add("f.opened_by = :scopeOpenedBy");
            params.addValue("scopeOpenedBy", scope.openedBy());
        }
        return any.isEmpty() ? "1=0" : "(" + String.join(" OR ", any) + ")";
    }
}
