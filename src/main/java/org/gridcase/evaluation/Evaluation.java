package org.gridcase.evaluation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.casework.CaseDetails;
import org.gridcase.casework.CaseQueries;
import org.gridcase.casework.CaseScope;
import org.gridcase.evaluation.EvaluationViews.Breakdown;
import org.gridcase.evaluation.EvaluationViews.CaseRow;
import org.gridcase.evaluation.EvaluationViews.CasesBehind;
import org.gridcase.evaluation.EvaluationViews.Definition;
import org.gridcase.evaluation.EvaluationViews.Overview;
import org.gridcase.evaluation.EvaluationViews.PeriodView;
import org.gridcase.evaluation.EvaluationViews.Row;
import org.gridcase.evaluation.EvaluationViews.TrendPoint;
import org.gridcase.system.InvalidRequestException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The evaluation's API for pages, exports and other modules: the measures' definitions, the overview of a period,
 * a breakdown by a dimension and the cases behind any number. Every answer is the current caller's: the figures
 * count only the cases casework lets them work on ({@link CaseQueries#scope()}), and the cases behind a number
 * are read through {@link CaseQueries} again.
 */
@Service
public class Evaluation {

    static final int MAX_PAGE_SIZE = 200;

    private final Figures figures;
    private final CaseQueries cases;
    private final KeyNames names;
    private final NamedParameterJdbcTemplate jdbc;
    private final ZoneId zone;

    Evaluation(Figures figures, CaseQueries cases, KeyNames names, NamedParameterJdbcTemplate jdbc,
            @Value("${gridcase.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.figures = figures;
        this.cases = cases;
        this.names = names;
        this.jdbc = jdbc;
        this.zone = zone;
    }

    public List<Definition> definitions() {
        return Arrays.stream(Measure.values()).map(Definition::of).toList();
    }

    /** A period from request parameters (kind, a day within it, or from/to for a custom one), in the district's zone. */
    public Period period(String kind, String date, String from, String to) {
        return Period.of(kind, date, from, to, zone, today());
    }

    public ZoneId zone() {
        return zone;
    }

    LocalDate today() {
        return ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
    }

    public Overview overview(Period period, Filters filters) {
        CaseScope scope = cases.scope();
        List<Measure> all = List.of(Measure.values());
        Figures.TotalAndTrend both = figures.totalAndTrend(all, period, filters, scope);
        List<TrendPoint> trend = new ArrayList<>();
        both.trend().forEach((from, fs) -> trend.add(new TrendPoint(from, ordered(fs))));
        return new Overview(PeriodView.of(period), filters, ordered(both.total()), trend);
    }

    public Breakdown breakdown(Dimension dimension, Period period, Filters filters) {
        CaseScope scope = cases.scope();
        List<Row> rows = new ArrayList<>();
        figures.by(dimension, List.of(Measure.values()), period, filters, scope)
                .forEach((key, fs) -> rows.add(new Row(key, names.of(dimension, key), ordered(fs))));
        return new Breakdown(PeriodView.of(period), dimension, dimension.label(), filters, rows);
    }

    /**
     * The cases counted in a figure's numerator ({@code part} "numerator", the default) or denominator, newest
     * first: within a breakdown's row when {@code dimension} and {@code key} are given. Numbers come from the
     * facts under the caller's scope; the cases themselves from casework, under the same scope.
     */
    public CasesBehind casesBehind(Measure measure, String part, Period period, Filters filters, Dimension dimension,
            String key, int page, int size) {
        if (measure.kind() == Measure.Kind.NOT_YET) {
            throw new InvalidRequestException("measure", measure.label() + "尚无数据");
        }
        boolean denominator = "denominator".equals(part);
        if (part != null && !denominator && !"numerator".equals(part)) {
            throw new InvalidRequestException("part", "只能是 numerator（分子）或 denominator（分母）");
        }
        checkPage(page, size);
        if (key != null && dimension == null) {
            throw new InvalidRequestException("dimension", "指定 key 时需同时指定维度");
        }
        CaseScope scope = cases.scope();
        if (scope.none()) {
            return new CasesBehind(measure, measure.label(), denominator ? "denominator" : "numerator",
                    PeriodView.of(period), 0, page, size, List.of());
        }
        FactSql from = FactSql.over(measure.anchor, dimension, period, filters, scope);
        String row = denominator && measure.denominatorRow != null ? measure.denominatorRow : measure.numeratorRow;
        from.sql.append(" AND ").append(row);
        if (key != null) {
            from.sql.append(" AND ").append(FactSql.key(dimension, measure.anchor)).append(" = :key");
            from.params.addValue("key", key);
        }
        // a row per case unless check-ins (one per summons) or assisting departments (one per department) join
        boolean once = !measure.anchor.checkIns && (dimension != Dimension.ASSISTING_DEPARTMENT || key != null);
        // a case one row: its count is a sum the monthly sums may keep (then the facts are only paged)
        Long total = once ? figures.counted(measure.anchor, row, dimension, key, period, filters, scope) : null;
        if (total == null) {
            total = jdbc.queryForObject((once ? "SELECT COUNT(*)" : "SELECT COUNT(DISTINCT f.case_number)")
                    + from.sql, from.params, Long.class);
        }
        from.params.addValue("limit", size).addValue("offset", (long) page * size);
        if (measure.anchor == Measure.Anchor.CLOSED || measure.anchor == Measure.Anchor.MEDIATED) {
            // closed in the period, so received before its end: the newest-first walk starts there, not today
            from.sql.append(" AND f.received_at < :to");
        }
        List<String> numbers = jdbc.queryForList((once ? "SELECT" : "SELECT DISTINCT")
                + " f.case_number, f.received_at" + from.sql
                + " ORDER BY f.received_at DESC, f.case_number LIMIT :limit OFFSET :offset", from.params)
                .stream().map(r -> (String) r.get("case_number")).toList();
        return new CasesBehind(measure, measure.label(), denominator ? "denominator" : "numerator",
                PeriodView.of(period), total == null ? 0 : total, page, size, rows(numbers));
    }

    /**
     * A page of the cases a query over the facts finds ({@code from}: its FROM and WHERE, already scoped to the
     * caller), each once, newest first: for the numbers that are not a measure's (a hotspot's open cases past
     * their limit, a department's cases of the month), under {@code label}.
     */
    CasesBehind listed(String label, Period period, FactSql from, int page, int size) {
        checkPage(page, size);
        long total = jdbc.queryForObject("SELECT COUNT(DISTINCT f.case_number)" + from.sql, from.params, Long.class);
        from.params.addValue("limit", size).addValue("offset", (long) page * size);
        List<String> numbers = jdbc.queryForList("SELECT DISTINCT f.case_number, f.received_at" + from.sql
                + " ORDER BY f.received_at DESC, f.case_number LIMIT :limit OFFSET :offset", from.params)
                .stream().map(r -> (String) r.get("case_number")).toList();
        return new CasesBehind(null, label, null, PeriodView.of(period), total, page, size, rows(numbers));
    }

    /** An empty page: the caller may see none of the cases behind the number. */
    static CasesBehind none(String label, Period period, int page, int size) {
        checkPage(page, size);
        return new CasesBehind(null, label, null, PeriodView.of(period), 0, page, size, List.of());
    }

    static void checkPage(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException(page < 0 ? "page" : "size", "每页 1 至 " + MAX_PAGE_SIZE + " 件，页码从 0 起");
        }
    }

    /** The cases, read through casework under the caller's scope again, in the order given. */
    private List<CaseRow> rows(List<String> numbers) {
        Map<String, CaseDetails> found = new java.util.HashMap<>();
        cases.among(numbers, PageRequest.of(0, Math.max(1, numbers.size())))
                .forEach(c -> found.put(c.caseNumber(), c));
        return numbers.stream().filter(found::containsKey).map(found::get)
                .map(c -> new CaseRow(c.caseNumber(), c.categoryName(), c.statusLabel(), c.address(), c.receivedAt(),
                        c.closedAt(), c.leadDepartment() == null ? null : names.department(c.leadDepartment())))
                .toList();
    }

    private static List<Figure> ordered(Map<Measure, Figure> figures) {
        return Arrays.stream(Measure.values()).map(m -> figures.getOrDefault(m, Figure.of(m, 0, 0, null))).toList();
    }
}
