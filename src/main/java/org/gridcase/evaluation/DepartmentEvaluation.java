package org.gridcase.evaluation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.casework.CaseQueries;
import org.gridcase.casework.CaseScope;
import org.gridcase.identity.CamundaGroups;
import org.gridcase.system.Caller;
import org.gridcase.system.Callers;
import org.gridcase.system.ConflictException;
import org.gridcase.system.InvalidRequestException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 协调响应评价: the monthly table of departments, lead and assisting separately, with the composite score under
 * the administrator's weights, the minimum sample and 红黑榜. A month an administrator has closed is frozen: its
 * table is stored and read back as stored, so later changes to cases do not rewrite a published evaluation; only
 * an explicit recomputation (who and why, logged) replaces it.
 *
 * <p>Who sees what: the district's roles that see every case see the whole table; a department sees its own rows
 * (with its place); anyone else no rows.
 */
@Service
public class DepartmentEvaluation {

    private final NamedParameterJdbcTemplate jdbc;
    private final Evaluation evaluation;
    private final CaseQueries cases;
    private final Callers callers;
    private final KeyNames names;

    DepartmentEvaluation(NamedParameterJdbcTemplate jdbc, Evaluation evaluation, CaseQueries cases, Callers callers,
            KeyNames names) {
        this.jdbc = jdbc;
        this.evaluation = evaluation;
        this.cases = cases;
        this.callers = callers;
        this.names = names;
    }

    public static YearMonth month(String text) {
        try {
            return YearMonth.parse(text == null ? "" : text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("month", "月份格式应为 yyyy-MM");
        }
    }

    /** The last whole month in the district's time zone. */
    public YearMonth lastMonth() {
        return YearMonth.from(evaluation.today()).minusMonths(1);
    }

    @Transactional(readOnly = true)
    public EvaluationSettings settings() {
        return jdbc.queryForObject("""
                SELECT response_weight, solved_weight, satisfaction_weight, minimum_cases, updated_by, updated_at
                FROM evaluation_settings WHERE id = 1""", Map.of(), (rs, i) -> new EvaluationSettings(
                rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getString(5), instant(rs.getObject(6,
                        OffsetDateTime.class))));
    }

    /** An administrator sets the weights and the minimum sample; closed months keep the settings they had. */
    @Transactional
    public EvaluationSettings changeSettings(EvaluationSettings.Change change) {
        Caller admin = administrator();
        change.check();
        jdbc.update("""
                UPDATE evaluation_settings SET response_weight = :r, solved_weight = :s, satisfaction_weight = :m,
                    minimum_cases = :min, updated_by = :by, updated_at = :at, version = version + 1 WHERE id = 1""",
                new MapSqlParameterSource().addValue("r", change.responseWeight())
                        .addValue("s", change.solvedWeight()).addValue("m", change.satisfactionWeight())
                        .addValue("min", change.minimumCases()).addValue("by", admin.userId())
                        .addValue("at", FactWriter.ts(now())));
        return settings();
    }

    /** The month's table as the caller may see it: frozen if closed, else computed now. */
    @Transactional(readOnly = true)
    public DepartmentTable table(YearMonth month) {
        DepartmentTable whole = stored(month).orElseGet(() -> computed(month, settings(), null, null));
        return visible(whole, cases.scope());
    }

    /**
     * The cases behind a department's 工单数 in a role ({@code role} LEAD or ASSISTING) for the month: those it was
     * summoned to in that role in the month, as the table counts them, read now (a closed month's stored count
     * stays as it was; the cases are today's). Under the caller's scope; a department that is not the caller's
     * own is not shown to a scoped caller in the table, nor are its cases here.
     */
    @Transactional(readOnly = true)
    public EvaluationViews.CasesBehind cases(YearMonth month, String department, String role, int page, int size) {
        if (department == null || department.isBlank()) {
            throw new InvalidRequestException("department", "请指定部门");
        }
        boolean lead = lead(role);
        String code = department.trim();
        Period period = Period.month(month, evaluation.zone());
        String label = names.department(code) + (lead ? "（主办）" : "（协办）") + " · 工单数";
        CaseScope scope = cases.scope();
        if (scope.none() || !scope.all() && !scope.departmentCodes().contains(code)) {
            return Evaluation.none(label, period, page, size);
        }
        FactSql from = FactSql.over(Measure.Anchor.SUMMONED,
                lead ? Dimension.LEAD_DEPARTMENT : Dimension.ASSISTING_DEPARTMENT, period, Filters.NONE, scope);
        from.sql.append(" AND c.department_code = :key");
        from.params.addValue("key", code);
        return evaluation.listed(label, period, from, page, size);
    }

    private static boolean lead(String role) {
        if (role == null || role.isBlank() || role.trim().equalsIgnoreCase("LEAD")) {
            return true;
        }
        if (role.trim().equalsIgnoreCase("ASSISTING")) {
            return false;
        }
        throw new InvalidRequestException("role", "角色只能是 LEAD（主办）或 ASSISTING（协办）");
    }

    /** Closes the month: its table, computed now, is stored and from now on read as stored. */
    @Transactional
    public DepartmentTable close(YearMonth month) {
        Caller admin = administrator();
        if (!month.isBefore(YearMonth.from(evaluation.today()))) {
            throw new InvalidRequestException("month", month + " 尚未结束，月末之后才能关账");
        }
        EvaluationSettings settings = settings();
        Instant at = now();
        try {
            jdbc.update("""
                    INSERT INTO evaluation_month (evaluated_month, closed_by, closed_at, response_weight, solved_weight,
                        satisfaction_weight, minimum_cases) VALUES (:month, :by, :at, :r, :s, :m, :min)""",
                    monthParams(month, settings).addValue("by", admin.userId()).addValue("at", FactWriter.ts(at)));
        } catch (DuplicateKeyException alreadyClosed) {
            throw new ConflictException(month + " 的部门考核已关账；如需重算，请说明理由后重算");
        }
        store(computed(month, settings, admin.userId(), at));
        log(month, "CLOSED", admin.userId(), at, null);
        return table(month);
    }

    /** Computes a closed month again under the current settings: an explicit act, logged with who and why. */
    @Transactional
    public DepartmentTable recompute(YearMonth month, String reason) {
        Caller admin = administrator();
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason", "重算须说明理由");
        }
        if (reason.length() > 500) {
            throw new InvalidRequestException("reason", "理由不能超过 500 字");
        }
        EvaluationSettings settings = settings();
        int updated = jdbc.update("""
                UPDATE evaluation_month SET response_weight = :r, solved_weight = :s, satisfaction_weight = :m,
                    minimum_cases = :min, version = version + 1 WHERE evaluated_month = :month""",
                monthParams(month, settings));
        if (updated == 0) {
            throw new ConflictException(month + " 尚未关账，无需重算：未关账的月份总是按当前数据计算");
        }
        jdbc.update("DELETE FROM evaluation_month_row WHERE evaluated_month = :month", Map.of("month", month.toString()));
        Instant at = now();
        store(computed(month, settings, admin.userId(), at));
        log(month, "RECOMPUTED", admin.userId(), at, reason.trim());
        return table(month);
    }

    @Transactional(readOnly = true)
    public List<DepartmentTable.LogEntry> log(YearMonth month) {
        return jdbc.query("""
                SELECT evaluated_month, action, acted_by, acted_at, reason FROM evaluation_month_log WHERE evaluated_month = :month
                ORDER BY acted_at, id""", Map.of("month", month.toString()),
                (rs, i) -> new DepartmentTable.LogEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                        instant(rs.getObject(4, OffsetDateTime.class)), rs.getString(5)));
    }

    /** The table computed from the facts now, ranked under these settings. */
    DepartmentTable computed(YearMonth month, EvaluationSettings settings, String closedBy, Instant closedAt) {
        Period period = Period.month(month, evaluation.zone());
        MapSqlParameterSource range = new MapSqlParameterSource().addValue("from", FactWriter.ts(period.start()))
                .addValue("to", FactWriter.ts(period.end()));
        Map<String, int[]> counts = new LinkedHashMap<>(); // key: role|code → cases summons onTime settled + outcomes
        jdbc.query("""
                SELECT c.department_code, c.lead, COUNT(DISTINCT c.case_number), COUNT(*),
                    SUM(CASE WHEN c.on_time THEN 1 ELSE 0 END),
                    SUM(CASE WHEN c.late OR c.checked_in_at IS NOT NULL THEN 1 ELSE 0 END)
                FROM checkin_fact c WHERE c.summoned_at >= :from AND c.summoned_at < :to
                GROUP BY c.department_code, c.lead""", range, rs -> {
            int[] row = counts.computeIfAbsent(key(rs.getBoolean(2), rs.getString(1)), k -> new int[13]);
            row[0] = rs.getInt(3);
            row[1] = rs.getInt(4);
            row[2] = rs.getInt(5);
            row[3] = rs.getInt(6);
        });
        String outcomes = """
                SUM(CASE WHEN f.resolution IN ('RESOLVED', 'PARTIALLY', 'UNRESOLVED') THEN 1 ELSE 0 END),
                SUM(CASE WHEN f.resolution = 'RESOLVED' THEN 1 ELSE 0 END),
                SUM(CASE WHEN f.resolution = 'PARTIALLY' THEN 1 ELSE 0 END),
                SUM(CASE WHEN f.satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED') THEN 1 ELSE 0 END),
                SUM(CASE WHEN f.satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED') THEN 1 ELSE 0 END),
                SUM(CASE WHEN f.satisfaction IS NULL OR f.satisfaction = 'NO_RESPONSE' THEN 1 ELSE 0 END)""";
        org.springframework.jdbc.core.RowCallbackHandler outcome = rs -> {
            int[] row = counts.computeIfAbsent(key(rs.getBoolean(2), rs.getString(1)), k -> new int[13]);
            for (int i = 0; i < 6; i++) {
                row[4 + i] = rs.getInt(3 + i);
            }
        };
        jdbc.query("SELECT f.lead_department, TRUE, " + outcomes + """
                 FROM case_fact f WHERE f.closed_at >= :from AND f.closed_at < :to AND f.lead_department IS NOT NULL
                GROUP BY f.lead_department""", range, outcome);
        jdbc.query("SELECT d.department_code, FALSE, " + outcomes + """
                 FROM case_fact f JOIN (SELECT DISTINCT s.case_number, s.department_code FROM checkin_fact s
                    JOIN case_fact a ON a.case_number = s.case_number
                    WHERE s.lead = FALSE AND a.closed_at >= :from AND a.closed_at < :to) d ON d.case_number = f.case_number
                WHERE f.closed_at >= :from AND f.closed_at < :to GROUP BY d.department_code""", range, outcome);
        // the ladder's rungs aimed at a department on the cases it was summoned to this month in that role
        jdbc.query("""
                SELECT s.department_code, s.lead, SUM(CASE WHEN l.rung = 'WARNING' THEN 1 ELSE 0 END),
                    SUM(CASE WHEN l.rung = 'ESCALATION' THEN 1 ELSE 0 END),
                    SUM(CASE WHEN l.rung = 'RED_CARD' THEN 1 ELSE 0 END)
                FROM (SELECT DISTINCT case_number, department_code, lead FROM checkin_fact
                    WHERE summoned_at >= :from AND summoned_at < :to) s
                JOIN ladder_fact l ON l.case_number = s.case_number AND l.department_code = s.department_code
                GROUP BY s.department_code, s.lead""", range, rs -> {
            int[] row = counts.get(key(rs.getBoolean(2), rs.getString(1)));
            for (int i = 0; i < 3; i++) {
                row[10 + i] = rs.getInt(3 + i);
            }
        });
        List<DepartmentRow> lead = new ArrayList<>();
        List<DepartmentRow> assisting = new ArrayList<>();
        counts.forEach((key, c) -> {
            boolean isLead = key.startsWith("L|");
            String code = key.substring(2);
            (isLead ? lead : assisting).add(DepartmentRow.of(code, names.department(code), isLead, c[0], c[1], c[2],
                    c[3], c[4], c[5], c[6], c[7], c[8], c[9], settings).ladder(c[10], c[11], c[12]));
        });
        List<DepartmentRow> rankedLead = rank(lead, settings.minimumCases());
        List<DepartmentRow> rankedAssisting = rank(assisting, settings.minimumCases());
        return new DepartmentTable(month.toString(), closedBy != null, closedBy, closedAt, settings, rankedLead,
                rankedAssisting, red(rankedLead), black(rankedLead), red(rankedAssisting), black(rankedAssisting));
    }

    /**
     * Ranked: at least the minimum number of cases and a score. Best score first, ties sharing a place (1, 2, 2,
     * 4); more cases first among ties. The unranked follow, by their cases.
     */
    static List<DepartmentRow> rank(List<DepartmentRow> rows, int minimumCases) {
        List<DepartmentRow> ranked = rows.stream().filter(r -> r.cases() >= minimumCases && r.score() != null)
                .sorted(Comparator.comparing(DepartmentRow::score).reversed()
                        .thenComparing(Comparator.comparing(DepartmentRow::cases).reversed())
                        .thenComparing(DepartmentRow::departmentCode))
                .toList();
        List<DepartmentRow> result = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            DepartmentRow row = ranked.get(i);
            int place = i > 0 && row.score().equals(ranked.get(i - 1).score()) ? result.get(i - 1).place() : i + 1;
            result.add(row.placed(true, place));
        }
        rows.stream().filter(r -> !(r.cases() >= minimumCases && r.score() != null))
                .sorted(Comparator.comparing(DepartmentRow::cases).reversed().thenComparing(DepartmentRow::departmentCode))
                .forEach(r -> result.add(r.placed(false, null)));
        return result;
    }

    /** 红榜: the three best ranked. */
    static List<DepartmentRow> red(List<DepartmentRow> rows) {
        return rows.stream().filter(DepartmentRow::ranked).limit(3).toList();
    }

    /** 黑榜: the three worst ranked, worst first, none of them also on the red list. */
    static List<DepartmentRow> black(List<DepartmentRow> rows) {
        List<DepartmentRow> ranked = rows.stream().filter(DepartmentRow::ranked).toList();
        List<DepartmentRow> black = new ArrayList<>();
        for (int i = ranked.size() - 1; i >= 3 && black.size() < 3; i--) {
            black.add(ranked.get(i));
        }
        return black;
    }

    private Optional<DepartmentTable> stored(YearMonth month) {
        List<DepartmentTable> months = jdbc.query("""
                SELECT closed_by, closed_at, response_weight, solved_weight, satisfaction_weight, minimum_cases
                FROM evaluation_month WHERE evaluated_month = :month""", Map.of("month", month.toString()), (rs, i) -> {
            EvaluationSettings settings = new EvaluationSettings(rs.getInt(3), rs.getInt(4), rs.getInt(5),
                    rs.getInt(6), null, null);
            return new DepartmentTable(month.toString(), true, rs.getString(1),
                    instant(rs.getObject(2, OffsetDateTime.class)), settings, List.of(), List.of(), List.of(),
                    List.of(), List.of(), List.of());
        });
        if (months.isEmpty()) {
            return Optional.empty();
        }
        DepartmentTable head = months.get(0);
        List<DepartmentRow> rows = jdbc.query("""
                SELECT department_code, lead, cases, summons, on_time, settled, answered, resolved, partially, rated,
                    satisfied, unrated, score, ranked, place, warnings, escalations, red_cards
                FROM evaluation_month_row WHERE evaluated_month = :month ORDER BY id""", Map.of("month", month.toString()),
                (rs, i) -> {
                    DepartmentRow row = DepartmentRow.of(rs.getString(1), names.department(rs.getString(1)),
                            rs.getBoolean(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7),
                            rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12),
                            head.settings()).ladder(rs.getInt(16), rs.getInt(17), rs.getInt(18));
                    Integer place = rs.getObject(15) == null ? null : rs.getInt(15);
                    return row.placed(rs.getBoolean(14), place);
                });
        List<DepartmentRow> lead = rows.stream().filter(DepartmentRow::lead).toList();
        List<DepartmentRow> assisting = rows.stream().filter(r -> !r.lead()).toList();
        return Optional.of(new DepartmentTable(head.month(), true, head.closedBy(), head.closedAt(), head.settings(),
                lead, assisting, red(lead), black(lead), red(assisting), black(assisting)));
    }

    private void store(DepartmentTable table) {
        List<DepartmentRow> all = new ArrayList<>(table.lead());
        all.addAll(table.assisting());
        for (DepartmentRow r : all) {
            jdbc.update("""
                    INSERT INTO evaluation_month_row (evaluated_month, department_code, lead, cases, summons, on_time, settled,
                        answered, resolved, partially, rated, satisfied, unrated, score, ranked, place, warnings,
                        escalations, red_cards)
                    VALUES (:month, :code, :lead, :cases, :summons, :onTime, :settled, :answered, :resolved,
                        :partially, :rated, :satisfied, :unrated, :score, :ranked, :place, :warnings, :escalations,
                        :redCards)""",
                    new MapSqlParameterSource().addValue("month", table.month())
                            .addValue("code", r.departmentCode()).addValue("lead", r.lead())
                            .addValue("cases", r.cases()).addValue("summons", r.summons())
                            .addValue("onTime", r.onTime()).addValue("settled", r.settled())
                            .addValue("answered", r.answered()).addValue("resolved", r.resolved())
                            .addValue("partially", r.partially()).addValue("rated", r.rated())
                            .addValue("satisfied", r.satisfied()).addValue("unrated", r.unrated())
                            .addValue("score", r.score()).addValue("ranked", r.ranked())
                            .addValue("place", r.place()).addValue("warnings", r.warnings())
                            .addValue("escalations", r.escalations()).addValue("redCards", r.redCards()));
        }
    }

    /** The whole table for those who see every case; a department's own rows for a department; nothing else. */
    private static DepartmentTable visible(DepartmentTable t, CaseScope scope) {
        if (scope.all()) {
            return t;
        }
        java.util.function.Predicate<DepartmentRow> own = r -> scope.departmentCodes().contains(r.departmentCode());
        return new DepartmentTable(t.month(), t.frozen(), t.closedBy(), t.closedAt(), t.settings(),
                t.lead().stream().filter(own).toList(), t.assisting().stream().filter(own).toList(),
                t.leadRedList().stream().filter(own).toList(), t.leadBlackList().stream().filter(own).toList(),
                t.assistingRedList().stream().filter(own).toList(),
                t.assistingBlackList().stream().filter(own).toList());
    }

    private void log(YearMonth month, String action, String by, Instant at, String reason) {
        jdbc.update("""
                INSERT INTO evaluation_month_log (evaluated_month, action, acted_by, acted_at, reason)
                VALUES (:month, :action, :by, :at, :reason)""", new MapSqlParameterSource()
                .addValue("month", month.toString()).addValue("action", action).addValue("by", by)
                .addValue("at", FactWriter.ts(at)).addValue("reason", reason));
    }

    private Caller administrator() {
        Caller caller = callers.current();
        if (!caller.isMemberOf(CamundaGroups.ADMINISTRATORS)) {
            throw new NotAllowed("只有系统管理员可以设置考核参数、关账或重算");
        }
        return caller;
    }

    private static MapSqlParameterSource monthParams(YearMonth month, EvaluationSettings settings) {
        return new MapSqlParameterSource().addValue("month", month.toString())
                .addValue("r", settings.responseWeight()).addValue("s", settings.solvedWeight())
                .addValue("m", settings.satisfactionWeight()).addValue("min", settings.minimumCases());
    }

    private static String key(boolean lead, String code) {
        return (lead ? "L|" : "A|") + code;
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
