package org.gridcase.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.gridcase.casework.CaseRegistration;
import org.gridcase.casework.HistoricCase;
import org.gridcase.casework.HistoricCases;
import org.gridcase.casework.NewCase;
import org.gridcase.registry.CategoryService;
import org.gridcase.registry.CategoryView;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.DepartmentView;
import org.gridcase.registry.UnitService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo district's history: {@code gridcase.demo.history.months} (12) months of generated past cases at
 * {@code cases-per-year} (40,000, Lianhu's scale) up to yesterday, so that the evaluation's pages have a year to
 * show on first start ({@link HistoryGenerator} says what the figures are drawn from). Each is a real case record
 * (marked 【演示历史】, numbered {@code TM-20251009-H001}, no process instance) announced as casework announces a
 * new case, so its facts are the record's and every number's cases can be listed and opened.
 *
 * <p>The cases whose story would still be running today are not history: they are opened as live cases, with
 * their processes, through casework's registration (marked 【演示在办】, received at the first start), so the demo
 * has open work and its 办结率 is not a perfect 100 %.
 *
 * <p>Once: recorded in {@code evaluation_state}; a run cut short resumes (the cases are the same from the same
 * seed, a day already stored is skipped, and live cases already opened are counted). In the background after start-up (after the facts' backfill), a
 * day's cases per transaction, progress logged. {@code gridcase.demo.history.enabled} turns it on (the default
 * profile's demo district); off elsewhere.
 */
@Component
class DemoHistory {

    static final String NAME = "demo-history-generated";
    static final String LIVE = "【演示在办】首次启动时仍在办理的演示工单：";
    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    private static final long SEED = 20_240_601L;

    private final HistoricCases cases;
    private final CaseRegistration registration;
    private final JdbcTemplate jdbc;
    private final UnitService units;
    private final CategoryService categories;
    private final DepartmentService departments;
    private final ZoneId zone;
    private final boolean enabled;
    private final int months;
    private final int perYear;
    private final double repeatRadiusMeters;

    DemoHistory(HistoricCases cases, CaseRegistration registration, JdbcTemplate jdbc, UnitService units, CategoryService categories,
            DepartmentService departments, @Value("${gridcase.time-zone:Asia/Shanghai}") ZoneId zone,
            @Value("${gridcase.demo.history.enabled:false}") boolean enabled,
            @Value("${gridcase.demo.history.months:12}") int months,
            @Value("${gridcase.demo.history.cases-per-year:40000}") int perYear,
            @Value("${gridcase.evaluation.repeat-radius-meters:100}") double repeatRadiusMeters) {
        this.cases = cases;
        this.registration = registration;
        this.jdbc = jdbc;
        this.units = units;
        this.categories = categories;
        this.departments = departments;
        this.zone = zone;
        this.enabled = enabled;
        this.months = months;
        this.perYear = perYear;
        this.repeatRadiusMeters = repeatRadiusMeters;
    }

    /** After the backfill (which runs first, on the same event), so that it never announces these cases again. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
    void onStart() {
        if (!enabled || done()) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                LocalDate today = LocalDate.now(zone);
                List<HistoryGenerator.Unfinished> running = new ArrayList<>();
                store(today.minusMonths(months), today, perYear, running);
                openLive(running);
                markDone();
            } catch (RuntimeException e) {
                log.warn("Demo history not generated (it is tried again at the next start)", e);
            }
        }, "demo-history");
        thread.setDaemon(true);
        thread.start();
    }

    boolean done() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_state WHERE name = ?", Integer.class, NAME);
        return n != null && n > 0;
    }

    /** Generates the days {@code from} to {@code to} (exclusive), unless done; returns how many cases it stored. */
    int generate(LocalDate from, LocalDate to, int casesPerYear) {
        if (done()) {
            return 0;
        }
        int stored = store(from, to, casesPerYear, new ArrayList<>());
        markDone();
        return stored;
    }

    private void markDone() {
        jdbc.update("INSERT INTO evaluation_state (name, done_at) VALUES (?, ?)", NAME, FactWriter.ts(Instant.now()));
    }

    /** Stores the days' cases (skipping a day already stored) and adds those still running to {@code running}. */
    private int store(LocalDate from, LocalDate to, int casesPerYear, List<HistoryGenerator.Unfinished> running) {
        long start = System.nanoTime();
        HistoryGenerator generator = new HistoryGenerator(grids(), categories(), zone, from, to, casesPerYear,
                repeatRadiusMeters, SEED);
        log.info("Generating the demo district's history: {} to {}, about {} cases a year (治理书记 sent to 红辉社区 on {})",
                from, to, casesPerYear, generator.secretarySent());
        AtomicInteger stored = new AtomicInteger();
        AtomicInteger days = new AtomicInteger();
        generator.generate(day -> {
            days.incrementAndGet();
            if (!day.isEmpty() && !exists(day.get(0).caseNumber())) {
                cases.store(day);
                stored.addAndGet(day.size());
            }
            if (days.get() % 30 == 0) {
                log.info("Demo history: {} days, {} cases stored ({} s)", days.get(), stored.get(),
                        (System.nanoTime() - start) / 1_000_000_000);
            }
        });
        running.addAll(generator.unfinished());
        log.info("Demo history generated: {} cases over {} days in {} s", stored.get(), days.get(),
                (System.nanoTime() - start) / 1_000_000_000);
        return stored.get();
    }

    /**
     * Opens the cases still running as live cases, each in its own transaction, minus those a run cut short
     * opened already. One that registration refuses is logged and skipped: the history stands without it.
     */
    private void openLive(List<HistoryGenerator.Unfinished> running) {
        Integer opened = jdbc.queryForObject("SELECT COUNT(*) FROM case_record WHERE description LIKE ?",
                Integer.class, LIVE + "%");
        List<NewCase> reports = liveReports(running);
        int from = Math.min(opened == null ? 0 : opened, reports.size());
        log.info("Demo history: opening {} cases still running as live cases", reports.size() - from);
        for (int i = from; i < reports.size(); i++) {
            try {
                registration.open(reports.get(i));
            } catch (RuntimeException e) {
                log.warn("Demo live case {} not opened: {}", i, e.getMessage());
            }
            if ((i + 1) % 50 == 0) {
                log.info("Demo history: {} of {} live cases opened", i + 1, reports.size());
            }
        }
    }

    static List<NewCase> liveReports(List<HistoryGenerator.Unfinished> running) {
        return running.stream().map(u -> new NewCase(u.category(), null, LIVE + u.categoryName(), u.gridName(), null,
                null, u.gridCode(), null, null, u.channel(), List.of())).toList();
    }

    private boolean exists(String caseNumber) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM case_record WHERE case_number = ?", Integer.class,
                caseNumber);
        return n != null && n > 0;
    }

    /** The grids with their envelope (the registry keeps it beside the boundary) and their street's case prefix. */
    private List<HistoryGenerator.Grid> grids() {
        List<HistoryGenerator.Grid> grids = new ArrayList<>();
        jdbc.query("""
                SELECT g.code, g.name, g.parent_code, c.parent_code, g.min_lat, g.max_lat, g.min_lon, g.max_lon
                FROM registry_unit g JOIN registry_unit c ON c.code = g.parent_code
                WHERE g.level = 'GRID' AND g.min_lat IS NOT NULL ORDER BY g.code""", rs -> {
            grids.add(new HistoryGenerator.Grid(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    units.casePrefix(rs.getString(4)), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7),
                    rs.getDouble(8)));
        });
        if (grids.isEmpty()) {
            throw new IllegalStateException("no grids with boundaries in the registry");
        }
        return grids;
    }

    /** The leaf categories some department answers for, with those departments. */
    private List<HistoryGenerator.Category> categories() {
        Map<String, List<String>> answering = new TreeMap<>();
        for (DepartmentView d : departments.list()) {
            d.categories().forEach(c -> answering.computeIfAbsent(c, k -> new ArrayList<>()).add(d.code()));
        }
        List<HistoryGenerator.Category> found = new ArrayList<>();
        for (CategoryView c : categories.list()) {
            List<String> by = answering.get(c.code());
            if (c.parentCode() != null && by != null) {
                java.util.Collections.sort(by);
                found.add(new HistoryGenerator.Category(c.code(), c.name(),
                        c.defaultUrgency() == null ? org.gridcase.registry.Urgency.ROUTINE : c.defaultUrgency(), by));
            }
        }
        return found;
    }
}
