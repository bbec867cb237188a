package org.gridcase.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.gridcase.PostgresTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first reports of a street's day arrive together: each draws its number in a transaction of its own, as
 * intake does, and all of them get one, unique and without gaps. Each round is a day of its own in 2001, which no
 * other test draws numbers for, so the day's row does not exist when the round starts.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseNumberRaceTests {

    static final int ROUNDS = 25;
    static final int REPORTS = 3;
    static final String PREFIX = "RACE";
    static final Instant FIRST_DAY = Instant.parse("2001-01-01T04:00:00Z");
    static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");

    @Autowired
    CaseNumbers numbers;

    @Autowired
    PlatformTransactionManager transactions;

    final ExecutorService clients = Executors.newFixedThreadPool(REPORTS);

    @AfterAll
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void givesTheFirstReportsOfADayOneNumberEachWhenTheyArriveTogether() throws Exception {
        List<String> wrongRounds = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Instant day = FIRST_DAY.plus(Duration.ofDays(round));
            CyclicBarrier together = new CyclicBarrier(REPORTS);
            List<Future<String>> drawn = new ArrayList<>();
            for (int i = 0; i < REPORTS; i++) {
                drawn.add(clients.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return new TransactionTemplate(transactions).execute(status -> {
                        String number = numbers.next(PREFIX, day);
                        // the rest of an intake's transaction: the record, the process instance
                        pause(20);
                        return number;
                    });
                }));
            }
            Set<String> got = new TreeSet<>();
            List<String> failures = new ArrayList<>();
            for (Future<String> number : drawn) {
                try {
                    got.add(number.get(30, TimeUnit.SECONDS));
                } catch (ExecutionException failed) {
                    failures.add(failed.getCause().getClass().getName());
                }
            }
            Set<String> expected = new TreeSet<>();
            // the day as the district's clock reads it (noon in Beijing): any number of rounds spans months
            String dayKey = PREFIX + "-" + DateTimeFormatter.BASIC_ISO_DATE.format(day.atZone(DISTRICT).toLocalDate());
            for (int n = 1; n <= REPORTS; n++) {
                expected.add("%s-%04d".formatted(dayKey, n));
            }
            if (!failures.isEmpty() || !got.equals(expected)) {
                wrongRounds.add("round " + round + ": got " + got + ", failed " + failures);
            }
        }

        assertThat(wrongRounds).as("%d of %d rounds went wrong", wrongRounds.size(), ROUNDS).isEmpty();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
