package org.gridcase.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridcase.DemoDistrictTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo history on PostgreSQL, two months at 1,800 cases a year (about 300), in 2021 so that no other test's
 * period holds them: the figures the evaluation computes from them have the promised shares, generating again
 * adds nothing, the facts are those casework's records give (a backfill leaves them unchanged), and a number's
 * cases are listed and open on the case page.
 */
@DemoDistrictTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoHistoryTests {

    static final LocalDate FROM = LocalDate.of(2021, 1, 1);
    static final LocalDate TO = LocalDate.of(2021, 3, 1);
    static final String PERIOD = "period=CUSTOM&from=2021-01-01&to=2021-02-28";

    @LocalServerPort
    int port;

    @Autowired
    DemoHistory history;

    @Autowired
    FactBackfill backfill;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private int stored;
    private long seconds;

    @BeforeAll
    void generateTwoMonths() {
        jdbc.update("DELETE FROM evaluation_state WHERE name = ?", DemoHistory.NAME);
        long start = System.nanoTime();
        stored = history.generate(FROM, TO, 1_800);
        seconds = (System.nanoTime() - start) / 1_000_000_000;
    }

    @Test
    void theFiguresHaveThePromisedShares() throws Exception {
        assertThat(stored).isBetween(240, 360);
        Map<String, JsonNode> figures = figures(get("supervisor", "/api/evaluation/overview?" + PERIOD));
        assertThat(figures.get("RECEIVED").get("numerator").asLong()).isEqualTo(stored);
        // every generated case is closed (it has no process that could close it later)
        assertThat(value(figures, "CLOSURE_RATE")).isEqualTo(100.0);
        assertThat(value(figures, "ON_TIME_RATE")).isBetween(78.0, 98.0);
        assertThat(value(figures, "SOLVED_RATE")).isBetween(75.0, 95.0);
        assertThat(value(figures, "SATISFACTION_RATE")).isBetween(82.0, 98.0);
        assertThat(value(figures, "REOPEN_RATE")).isBetween(1.0, 9.0);
        assertThat(value(figures, "RESPONSE_RATE")).isBetween(75.0, 99.0);
        assertThat(figures.get("RESPONSE_RATE").get("denominator").asLong()).isPositive();
        assertThat(figures.get("REPEAT_RATE").get("numerator").asLong()).isPositive();
        // every breakdown answers for a leader, check-in measures by department too
        for (String dimension : new String[] {"GRID", "LEAD_DEPARTMENT", "ASSISTING_DEPARTMENT", "CHANNEL"}) {
            assertThat(get("supervisor", "/api/evaluation/breakdown?dimension=" + dimension + "&" + PERIOD)
                    .get("rows").size()).as(dimension).isPositive();
        }
        assertThat(get("supervisor", "/api/evaluation/cases?measure=RESPONSE_RATE&" + PERIOD).get("total").asLong())
                .isPositive();
    }

    @Test
    void generatingAgainAddsNothing() {
        Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM case_record WHERE case_number LIKE '%-H%'",
                Integer.class);
        assertThat(history.generate(FROM, TO, 1_800)).isZero(); // done: the marker says so
        jdbc.update("DELETE FROM evaluation_state WHERE name = ?", DemoHistory.NAME);
        assertThat(history.generate(FROM, TO, 1_800)).isZero(); // a run cut short: every day is there already
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_record WHERE case_number LIKE '%-H%'",
                Integer.class)).isEqualTo(before);
    }

    @Test
    void theFactsAreTheRecordsFacts() {
        String facts = """
                SELECT COUNT(*), SUM(CASE WHEN on_time THEN 1 ELSE 0 END), SUM(reopen_count), SUM(warning_count),
                    COUNT(repeat_of), (SELECT COUNT(*) FROM checkin_fact c WHERE c.case_number LIKE '%-H%'
                        AND c.summoned_at < TIMESTAMP WITH TIME ZONE '2021-03-02 00:00:00+08:00')
                FROM case_fact WHERE case_number LIKE '%-H%' AND received_at < TIMESTAMP WITH TIME ZONE
                    '2021-03-01 00:00:00+08:00'""";
        Map<String, Object> before = jdbc.queryForMap(facts);
        backfill.run(); // every case announced again: its facts derived from its record anew
        assertThat(jdbc.queryForMap(facts)).isEqualTo(before);
    }

    @Test
    void aNumbersCasesAreListedAndOpen() throws Exception {
        JsonNode behind = get("supervisor", "/api/evaluation/cases?measure=SATISFACTION_RATE&part=denominator&size=200&"
                + PERIOD);
        long total = behind.get("total").asLong();
        assertThat(total).isPositive();
        assertThat(behind.get("cases").size()).isEqualTo((int) Math.min(200, total));
        String number = behind.get("cases").get(0).get("caseNumber").asText();
        assertThat(number).contains("-H");
        HttpResponse<String> page = send("supervisor", "/api/workbench/cases/" + number);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("【演示历史】").contains(number);
        // no generated case is left open: it has no process, so nobody could ever act on it
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_record WHERE case_number LIKE '%-H%'"
                + " AND status <> 'CLOSED'", Integer.class)).isZero();
        assertThat(send("supervisor", "/api/workbench/boards/district").statusCode()).isEqualTo(200);
        // a street sees its own street's generated cases only, as for any case
        JsonNode street = get("street.dispatcher", "/api/evaluation/cases?measure=RECEIVED&size=200&" + PERIOD);
        assertThat(street.get("cases").findValuesAsText("caseNumber")).allSatisfy(n -> assertThat(n).startsWith("TM-"));
        System.out.printf("demo history: %d cases over two months generated and announced in %d s%n", stored, seconds);
    }

    private static Map<String, JsonNode> figures(JsonNode overview) {
        Map<String, JsonNode> byMeasure = new HashMap<>();
        overview.get("figures").forEach(f -> byMeasure.put(f.get("measure").asText(), f));
        return byMeasure;
    }

    private static double value(Map<String, JsonNode> figures, String measure) {
        return figures.get(measure).get("value").asDouble();
    }

    private JsonNode get(String user, String path) throws Exception {
        HttpResponse<String> response = send(user, path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String user, String path) throws Exception {
        return client.send(DemoRequest.as(user, port, path).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
