package org.gridcase.evaluation;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.gridcase.casework.CaseScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The monthly sums ({@code case_fact_month}, V51/V52; per place and lead department, and per place and assisting
 * department, V58; the check-ins', V57): which questions they answer, and the column each of the measures' sums
 * is kept in. A question they answer gives the same numbers as the facts (every row of a key and month summed),
 * only from far fewer rows; what they cannot answer is asked of the facts: a part of a month (a month's daily
 * trend, a week, a custom period), disputes, a department's filter or scope, the hotline's scope (its own cases),
 * check-ins by category or channel, and any sum not kept here. Kept by triggers on PostgreSQL only; on H2 the
 * facts answer everything.
 */
@Component
class MonthlySums {

    private static final Logger log = LoggerFactory.getLogger(MonthlySums.class);

    private static final Set<Measure.Anchor> ANCHORS =
            EnumSet.of(Measure.Anchor.RECEIVED, Measure.Anchor.CLOSED, Measure.Anchor.DUE);
    private static final Set<Dimension> DIMENSIONS = EnumSet.of(Dimension.DISTRICT, Dimension.STREET,
            Dimension.COMMUNITY, Dimension.GRID, Dimension.CATEGORY_GROUP, Dimension.CATEGORY, Dimension.CHANNEL,
            Dimension.LEAD_DEPARTMENT);

    /** Figures' sum of a row (and weight) → the column of case_fact_month holding it (V52 writes the same). */
    static final Map<String, String> COLUMNS = new HashMap<>();

    static {
        column("1=1", "1", "cases");
        column(Measure.CLOSURE_RATE.numeratorRow, "1", "closed");
        column(Measure.RETURN_RATE.denominatorRow, "1", "dispatched");
        column(Measure.RETURN_RATE.numeratorRow, "1", "returned");
        column(Measure.EXTENSION_RATE.numeratorRow, "1", "extended");
        column(Measure.SUPERVISION_RATE.numeratorRow, "1", "supervised");
        column(Measure.WARNINGS_PER_100.numeratorRow, Measure.WARNINGS_PER_100.weight, "warnings");
        column(Measure.ESCALATIONS_PER_100.numeratorRow, Measure.ESCALATIONS_PER_100.weight, "escalations");
        column(Measure.RED_CARDS_PER_100.numeratorRow, Measure.RED_CARDS_PER_100.weight, "red_cards");
        column(Measure.REPEAT_RATE.numeratorRow, "1", "repeats");
        column(Measure.ON_TIME_RATE.numeratorRow, "1", "on_time");
        column(Measure.DUE_ON_TIME_RATE.numeratorRow, "1", "closed_on_time");
        column(Measure.SOLVED_RATE.numeratorRow, "1", "resolved");
        column(Measure.PARTIALLY_SOLVED_RATE.numeratorRow, "1", "partially");
        column(Measure.UNRESOLVED_RATE.numeratorRow, "1", "not_resolved");
        column(Measure.SOLVED_RATE.denominatorRow, "1", "answered");
        column(Measure.SATISFACTION_RATE.numeratorRow, "1", "satisfied");
        column(Measure.SATISFACTION_RATE.denominatorRow, "1", "rated");
        column(Measure.UNRATED.numeratorRow, "1", "unrated");
        column(Measure.REOPEN_RATE.numeratorRow, "1", "reopened");
    }

    private static void column(String row, String weight, String column) {
        COLUMNS.put(Figures.sum(row, weight), column);
    }

    private final JdbcTemplate jdbc;
    private final ZoneId zone;
    private volatile Boolean kept;
    /** Whether the check-ins' sums (V57) are kept too (their trigger is there); known once {@link #kept()} is. */
    private volatile boolean checkInsKept;
    /** Whether the sums per place and lead department, and per place and assisting department (V58) are kept. */
    private volatile boolean rollupsKept;

    MonthlySums(JdbcTemplate jdbc, @Value("${gridcase.time-zone:Asia/Shanghai}") ZoneId zone) {
        this(jdbc, zone, true);
    }

    /** {@code used} false ({@code gridcase.evaluation.monthly-sums=false}): the facts answer everything. */
    @org.springframework.beans.factory.annotation.Autowired
    MonthlySums(JdbcTemplate jdbc, @Value("${gridcase.time-zone:Asia/Shanghai}") ZoneId zone,
            @Value("${gridcase.evaluation.monthly-sums:true}") boolean used) {
        this.jdbc = jdbc;
        this.zone = zone;
        this.kept = used ? null : Boolean.FALSE;
    }

    /**
     * Whether the sums are kept here (PostgreSQL's trigger is there) and cut in the district's time zone; the first
     * time, sums cut in another zone are cut again.
     */
    boolean kept() {
        Boolean k = kept;
        if (k == null) {
            synchronized (this) {
                if (kept == null) {
                    kept = check();
                }
                k = kept;
            }
        }
        return k;
    }

    private boolean check() {
        Integer trigger;
        try {
            trigger = jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.triggers"
                    + " WHERE LOWER(trigger_name) = 'case_fact_month_sums'", Integer.class);
        } catch (org.springframework.dao.DataAccessException e) {
            trigger = 0; // a database that does not list triggers has none of ours
        }
        if (trigger == null || trigger == 0) {
            log.info("Evaluation: no monthly sums kept in this database; the facts answer every figure");
            return false;
        }
        Integer checkInTrigger = jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.triggers"
                + " WHERE LOWER(trigger_name) = 'checkin_fact_month_sums'", Integer.class);
        checkInsKept = checkInTrigger != null && checkInTrigger > 0;
        Integer assistTrigger = jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.triggers"
                + " WHERE LOWER(trigger_name) = 'case_fact_rollup_sums'", Integer.class);
        rollupsKept = assistTrigger != null && assistTrigger > 0;
        String cut = jdbc.queryForObject("SELECT MIN(zone) FROM case_fact_month_zone", String.class);
        if (!zone.getId().equals(cut)) {
            log.info("Evaluation: the monthly sums were cut in {}, the district is in {}: summing again", cut, zone);
            jdbc.update("DELETE FROM case_fact_month_zone");
            jdbc.update("INSERT INTO case_fact_month_zone (zone) VALUES (?)", zone.getId());
            jdbc.queryForList("SELECT case_fact_month_rebuild()");
            if (checkInsKept) {
                jdbc.queryForList("SELECT checkin_fact_month_rebuild()");
            }
            if (rollupsKept) {
                jdbc.queryForList("SELECT case_fact_place_rebuild()");
                jdbc.queryForList("SELECT case_fact_assist_rebuild()");
            }
        }
        return true;
    }

    /**
     * The table of sums that answers a question {@link #answer} answers: the sums per assisting department for
     * that breakdown; per place and lead department (far fewer rows) when neither a category nor a channel is
     * asked; else {@code case_fact_month}.
     */
    String table(Dimension dimension, Filters filters) {
        if (dimension == Dimension.ASSISTING_DEPARTMENT) {
            return "case_fact_assist_month";
        }
        boolean categoryOrChannel = filters.category() != null || filters.channel() != null
                || dimension == Dimension.CATEGORY || dimension == Dimension.CATEGORY_GROUP
                || dimension == Dimension.CHANNEL;
        return rollupsKept && !categoryOrChannel ? "case_fact_place_month" : "case_fact_month";
    }

    /**
     * The level of the check-ins' sums ({@link CheckInSums}) that answers a check-in question: whole months (with
     * a monthly trend or none), every sum asked kept there, and a level for the breakdown, filters and scope; null:
     * the facts answer it.
     */
    CheckInSums.Level checkIns(Dimension dimension, Period period, boolean trend, Filters filters, CaseScope scope,
            Iterable<String> sums) {
        if (period.from().getDayOfMonth() != 1 || period.to().getDayOfMonth() != 1
                || trend && period.steps().size() > 1 && period.step() != Period.Kind.MONTH) {
            return null;
        }
        for (String sum : sums) {
            if (!CheckInSums.COLUMNS.containsKey(sum)) {
                return null;
            }
        }
        CheckInSums.Level level = CheckInSums.level(dimension, filters, scope);
        return level != null && kept() && checkInsKept ? level : null;
    }

    /**
     * Whether the sums answer a question: an anchor of the case's own times, whole months (with a monthly trend
     * or none), a dimension and filters of the case's units, category, channel or lead department, a scope of
     * units, and every sum asked kept here.
     */
    boolean answer(Measure.Anchor anchor, Dimension dimension, Period period, boolean trend, Filters filters,
            CaseScope scope, Iterable<String> sums) {
        boolean assisting = dimension == Dimension.ASSISTING_DEPARTMENT;
        if (!ANCHORS.contains(anchor) || dimension != null && !DIMENSIONS.contains(dimension) && !assisting
                || assisting && (filters.category() != null || filters.channel() != null)
                || filters.department() != null
                || !scope.all() && (!scope.departmentCodes().isEmpty() || scope.openedBy() != null)
                || period.from().getDayOfMonth() != 1 || period.to().getDayOfMonth() != 1
                || trend && period.steps().size() > 1 && period.step() != Period.Kind.MONTH) {
            return false;
        }
        for (String sum : sums) {
            if (!COLUMNS.containsKey(sum)) {
                return false;
            }
        }
        return kept() && (!assisting || rollupsKept);
    }
}
