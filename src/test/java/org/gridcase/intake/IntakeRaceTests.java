package org.gridcase.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.PostgresTest;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.TestDistrict;
import org.gridcase.registry.UnitService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One Idempotency-Key, one case, however its requests meet: sent twice at once, retried by a client that gave up
 * after 30 ms, retried while the first is still stuck, retried after the first died. Each client is a resident of
 * its own (address, phone and key), so the intake limits never refuse it, and a case is found by its phone.
 */
@PostgresTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeRaceTests {

    static final int ROUNDS = 25;
    static final int RETRIED_KEYS = 20;
    static final Set<Integer> EXPECTED_STATUSES = Set.of(200, 201, 409);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    TestDistrict d;

    String lockedDay;

    final AtomicInteger clients = new AtomicInteger();
    final ExecutorService pool = Executors.newFixedThreadPool(2);

    @BeforeAll
    void createDistrict(@Autowired UnitService units, @Autowired DepartmentService departments) {
        d = TestDistrict.create(units, departments, "995401", 54.0, 124.0);
    }

    @AfterAll
    void stopPool() {
        pool.shutdownNow();
    }

    /** A resident's app: its own address, phone and key. */
    record Client(String key, String address, String phone) {
    }

    record Answer(int status, String caseNumber, String body) {

        @Override
        public String toString() {
            return status + (caseNumber != null ? " " + caseNumber : " " + body);
        }
    }

    @Test
    void opensOneCaseWhenTwoRequestsWithOneKeyArriveTogether() throws Exception {
        List<String> wrongRounds = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Client client = newClient();
            CyclicBarrier together = new CyclicBarrier(2);
            Future<Answer> one = pool.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                return send(client);
            });
            Future<Answer> other = pool.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                return send(client);
            });
            List<Answer> answers = List.of(one.get(60, TimeUnit.SECONDS), other.get(60, TimeUnit.SECONDS));

            String wrong = problems(client, answers);
            if (answers.stream().filter(answer -> answer.status() == 201).count() != 1) {
                wrong += " not exactly one 201;";
            }
            if (!wrong.isEmpty()) {
                wrongRounds.add("round " + round + " " + answers + ":" + wrong);
            }
        }

        assertThat(wrongRounds).as("%d of %d rounds went wrong", wrongRounds.size(), ROUNDS).isEmpty();
    }

    @Test
    void opensOneCaseForAClientThatGaveUpAfter30MillisecondsAndRetried() throws Exception {
        List<String> wrongKeys = new ArrayList<>();
        for (int i = 0; i < RETRIED_KEYS; i++) {
            Client client = newClient();
            // the server goes on with the request the client gave up on
            Future<Answer> gaveUpOn = pool.submit(() -> send(client));
            List<Answer> answers = new ArrayList<>();
            try {
                answers.add(gaveUpOn.get(30, TimeUnit.MILLISECONDS));
            } catch (TimeoutException timedOut) {
                answers.add(send(client));
                answers.add(gaveUpOn.get(60, TimeUnit.SECONDS));
            }
            // and once everything is done, the client asks once more and gets the one case
            Answer last = send(client);

            String wrong = problems(client, answers);
            if (last.status() != 200) {
                wrong += " a late retry answered " + last + ";";
            }
            wrong += problems(client, List.of(last));
            if (!wrong.isEmpty()) {
                wrongKeys.add("key " + i + " " + answers + ":" + wrong);
            }
        }

        assertThat(wrongKeys).as("%d of %d keys went wrong", wrongKeys.size(), RETRIED_KEYS).isEmpty();
    }

    @Test
    void answers409WhileTheKeysFirstRequestIsStillOpeningItsCaseAndTheCaseAfterwards() throws Exception {
        Client client = newClient();
        Future<Answer> first;
        Answer meanwhile;
        try (Connection blocker = lockTodaysCaseNumbers()) {
            first = pool.submit(() -> send(client));
            await(() -> claimed(client), "the first request claims its key");

            meanwhile = send(client);

            blocker.rollback();
        }
        Answer opened = first.get(60, TimeUnit.SECONDS);
        Answer replayed = send(client);

        assertThat(meanwhile.status()).as(meanwhile.body()).isEqualTo(409);
        assertThat(meanwhile.body()).contains("该请求正在处理中，请稍后重试");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        assertThat(replayed.caseNumber()).isEqualTo(opened.caseNumber());
        assertThat(problems(client, List.of(meanwhile, opened, replayed))).isEmpty();
    }

    @Test
    void letsARetryTakeOverAKeyWhoseFirstRequestNeverFinished() throws Exception {
        Client client = newClient();
        Future<Answer> first;
        Future<Answer> retry;
        try (Connection blocker = lockTodaysCaseNumbers()) {
            first = pool.submit(() -> send(client));
            await(() -> claimed(client), "the first request claims its key");
            // as if the first request's node had died an hour ago, its claim still open
            Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofHours(1)));
            jdbc.update("UPDATE intake_idempotency SET created_at = ? WHERE idempotency_key = ?", longAgo,
                    client.key());

            retry = pool.submit(() -> send(client));
            await(() -> jdbc.queryForObject("SELECT created_at FROM intake_idempotency WHERE idempotency_key = ?",
                    Timestamp.class, client.key()).after(longAgo), "the retry takes the claim over");

            blocker.rollback();
        }
        Answer late = first.get(60, TimeUnit.SECONDS);
        Answer opened = retry.get(60, TimeUnit.SECONDS);

        // the first request was not dead after all: it finds its claim taken and keeps nothing
        String seen = "locked day " + lockedDay + ", first " + late + ", retry " + opened + ", cases "
                + jdbc.queryForList("SELECT case_number FROM case_record WHERE reporter_phone = ?", String.class,
                        client.phone()) + ", engine clock " + ClockUtil.getCurrentTime();
        assertThat(late.status()).as(seen).isEqualTo(409);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(problems(client, List.of(late, opened))).isEmpty();
    }

    @Test
    void letsAKeyWhoseRequestFailedOpenTheCaseOfItsCorrectedRetry() throws Exception {
        Client client = newClient();

        Answer refused = send(client, body(client.phone(), "TRAFFIC.NO_SUCH_THING"));
        Answer corrected = send(client);
        Answer replayed = send(client);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        assertThat(problems(client, List.of(corrected, replayed))).isEmpty();
    }

    /**
     * What is wrong with a key's answers: not exactly one case for its phone, a status other than 200, 201 and
     * 409 (a 500 above all), or a case number other than the one stored. Empty when all is well.
     */
    private String problems(Client client, List<Answer> answers) {
        List<String> stored = jdbc.queryForList("SELECT case_number FROM case_record WHERE reporter_phone = ?",
                String.class, client.phone());
        String wrong = "";
        if (stored.size() != 1) {
            wrong += " " + stored.size() + " cases " + stored + ";";
        }
        for (Answer answer : answers) {
            if (!EXPECTED_STATUSES.contains(answer.status())) {
                wrong += " answered " + answer + ";";
            } else if (answer.caseNumber() != null && !stored.equals(List.of(answer.caseNumber()))) {
                wrong += " answered " + answer.caseNumber() + " but stored " + stored + ";";
            }
        }
        return wrong;
    }

    private Client newClient() {
        int n = clients.incrementAndGet();
        return new Client("race-key-%04d-%d".formatted(n, System.nanoTime()), "198.18.%d.%d".formatted(n / 250, n % 250),
                "1880000%04d".formatted(n));
    }

    private Answer send(Client client) throws Exception {
        return send(client, body(client.phone(), "TRAFFIC.ILLEGAL_PARKING"));
    }

    private Answer send(Client client, String body) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/api/cases")
                        .header("Idempotency-Key", client.key())
                        .contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(request -> {
                            request.setRemoteAddr(client.address());
                            return request;
                        }))
                .andReturn().getResponse();
        String content = response.getContentAsString();
        int status = response.getStatus();
        return new Answer(status, status == 200 || status == 201 ? JsonPath.read(content, "$.caseNumber") : null,
                content);
    }

    private String body(String phone, String category) {
        return """
                {"category":"%s","description":"小区门口长期占道停车","address":"测试社区东门",
                 "lat":%s,"lon":%s,"reporterName":"赵先生","reporterPhone":"%s","channel":"RESIDENT_APP"}"""
                .formatted(category, d.lat0() + 0.005, d.lon0() + 0.005, phone);
    }

    /**
     * Holds today's case-number row of the test district's street, so that a request opening a case there waits
     * with its key claimed: the first request's case gets today's number after a case opened here first.
     */
    private Connection lockTodaysCaseNumbers() throws Exception {
        Answer warmUp = send(newClient());
        assertThat(warmUp.status()).as(warmUp.body()).isEqualTo(201);
        String day = warmUp.caseNumber().substring(0, warmUp.caseNumber().lastIndexOf('-'));
        lockedDay = day;
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT last_value FROM case_number_sequence WHERE sequence_key = ? FOR UPDATE")) {
            lock.setString(1, day);
            assertThat(lock.executeQuery().next()).as("today's row " + day).isTrue();
        }
        return connection;
    }

    private boolean claimed(Client client) {
        return jdbc.queryForObject("SELECT count(*) FROM intake_idempotency WHERE idempotency_key = ?", Long.class,
                client.key()) == 1;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting until " + what).isBefore(deadline);
            Thread.sleep(20);
        }
    }
}
