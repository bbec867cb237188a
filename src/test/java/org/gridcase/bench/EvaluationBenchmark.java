package org.gridcase.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridcase.EvaluationBenchmarkInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The evaluation at a city's scale: {@code bench.closed} closed (default 1,000,000) and {@code bench.open} open
 * (50,000) cases' facts generated into PostgreSQL ({@link EvaluationFacts}), then the evaluation API called over
 * HTTP as the pages call it, by a district leader ({@code supervisor}) and, for one line, by a street
 * ({@code street.dispatcher}), for the last whole month and the last whole year. Prints p50/p95 of each call and
 * the fact tables' size; asserts nothing (the target, p95 under 300 ms for a year, is judged in the table).
 *
 * <pre>
 * mvn test -Pbench -Dtest=EvaluationBenchmark \
 *     -Dbench.db.url=jdbc:postgresql://localhost:5432/gridcase   (else the embedded PostgreSQL)
 *     -Dbench.closed=1000000 -Dbench.open=50000 -Dbench.years=3 -Dbench.repeats=20
 *     -Dbench.load=auto      (auto: generate unless that many generated cases are there already; always; never)
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = EvaluationBenchmarkInitializer.class)
class EvaluationBenchmark {

    private static final String PASSWORD = "demo";
    private static final String LEADER = "supervisor";
    private static final String STREET = "street.dispatcher";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void measures() {
        int closed = Integer.getInteger("bench.closed", 1_000_000);
        int open = Integer.getInteger("bench.open", 50_000);
        int years = Integer.getInteger("bench.years", 3);
        int repeats = Integer.getInteger("bench.repeats", 20);
        String load = System.getProperty("bench.load", "auto");
        BenchOutput out = new BenchOutput("evaluation");
        out.heading("evaluation benchmark: closed=%,d open=%,d years=%d repeats=%d".formatted(closed, open, years,
                repeats));
        out.line("database        %s", jdbc.queryForObject("SELECT version()", String.class));
        out.line("machine         %d processors", Runtime.getRuntime().availableProcessors());
        EvaluationFacts facts = new EvaluationFacts(jdbc, out);
        long start = System.nanoTime();
        if ("always".equals(load) || "auto".equals(load) && facts.generated() != (long) closed + open) {
            facts.load(closed, open, years, Instant.now());
            out.line("generated in %.0f s", (System.nanoTime() - start) / 1e9);
        } else {
            out.line("kept the %,d generated cases already there (-Dbench.load=always to generate anew)",
                    facts.generated());
        }
        facts.printSizes();

        ZoneId zone = ZoneId.of("Asia/Shanghai");
        LocalDate today = LocalDate.now(zone);
        String month = YearMonth.from(today).minusMonths(1).atDay(1).toString();
        String year = today.minusYears(1).withDayOfYear(1).toString();
        BenchHttp http = new BenchHttp(port);
        List<Latency> figures = new ArrayList<>();
        for (String[] p : new String[][] {{"MONTH", month}, {"YEAR", year}}) {
            String period = "period=" + p[0] + "&date=" + p[1];
            String label = p[0].toLowerCase() + " " + p[1].substring(0, p[0].equals("YEAR") ? 4 : 7);
            figures.add(call(http, LEADER, "overview, " + label, "/api/evaluation/overview?" + period, repeats,
                    r -> r.get("figures").get(0).get("numerator").asLong()));
            if (p[0].equals("MONTH")) {
                figures.add(call(http, LEADER, "department table, " + label,
                        "/api/evaluation/departments?month=" + p[1].substring(0, 7), repeats,
                        r -> r.get("lead").size() + r.get("assisting").size()));
            }
            figures.add(call(http, LEADER, "lead departments breakdown, " + label,
                    "/api/evaluation/breakdown?dimension=LEAD_DEPARTMENT&" + period, repeats,
                    r -> r.get("rows").size()));
            figures.add(call(http, LEADER, "assisting departments breakdown, " + label,
                    "/api/evaluation/breakdown?dimension=ASSISTING_DEPARTMENT&" + period, repeats,
                    r -> r.get("rows").size()));
            figures.add(call(http, LEADER, "map: breakdown by grid, " + label,
                    "/api/evaluation/breakdown?dimension=GRID&" + period, repeats, r -> r.get("rows").size()));
            figures.add(call(http, LEADER, "cases behind 满意率, page 1, " + label,
                    "/api/evaluation/cases?measure=SATISFACTION_RATE&size=50&" + period, repeats,
                    r -> r.get("total").asLong()));
            figures.add(call(http, STREET, "street: overview, " + label, "/api/evaluation/overview?" + period,
                    repeats, r -> r.get("figures").get(0).get("numerator").asLong()));
        }
        out.heading("evaluation API over HTTP (result: 受理量, rows or cases behind)");
        figures.forEach(f -> out.line(f.line()));
        out.line("");
        out.line("target: p95 < 300 ms for a year; slowest year call p95 %.1f ms",
                figures.stream().filter(f -> f.query().contains("year")).mapToDouble(Latency::p95Millis).max()
                        .orElse(Double.NaN));
        out.line("figures copied to %s", out.copy().toAbsolutePath());
    }

    private static Latency call(BenchHttp http, String user, String name, String path, int repeats,
            java.util.function.ToLongFunction<JsonNode> result) {
        return Latency.measure(name + " (" + user + ")", repeats,
                () -> result.applyAsLong(http.getAs(user, PASSWORD, path)));
    }
}
