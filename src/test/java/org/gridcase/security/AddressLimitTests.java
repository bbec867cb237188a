package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.gridcase.DemoDistrictTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The address side of failed logins: an address that keeps failing is turned away on every login path before
 * any password is checked, while the member of staff it was guessing at logs in from anywhere else. Each test
 * plays addresses of its own (documentation ranges), since the counts live as long as the shared context.
 */
@DemoDistrictTest
class AddressLimitTests extends LoginTestSupport {

    static final String WORKER = "grid.worker";
    static final String DEMO = "demo";
    /** gridcase.security.login.max-failures-per-address */
    static final int ADDRESS_LIMIT = 5;

    /** Other tests log in as the demo grid worker: whatever happens here, it leaves the account as it was. */
    @AfterEach
    void unlockTheDemoWorker() {
        identity.unlockUser(WORKER);
    }

    @Test
    void turnsAnAddressAwayAfterFiveFailuresWithoutCheckingThePasswordWhileTheUserLogsInElsewhere() {
        String attacker = "203.0.113.10";
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            answers.add(logins.api(WORKER, "guess-" + i, attacker));
        }

        assertThat(answers.subList(0, ADDRESS_LIMIT)).extracting(HttpResponse::statusCode).containsOnly(401);
        assertThat(answers.subList(ADDRESS_LIMIT, 20)).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(429);
            long retryAfter = Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 15 * 60L);
            assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(answer.body()).contains("\"status\":429").contains("登录失败次数过多").contains("秒后再试");
        });
        assertThat(failedAttempts(WORKER)).as("turned-away tries never reach the account").isEqualTo(ADDRESS_LIMIT);

        // the address is turned away on every login path, the right password included
        assertThat(logins.api(WORKER, DEMO, attacker).statusCode()).isEqualTo(429);
        assertThat(logins.engineRest(WORKER, DEMO, attacker).statusCode()).isEqualTo(429);
        assertThat(logins.tasklist(WORKER, DEMO, attacker).statusCode()).isEqualTo(429);
        // a request without a login is no login attempt
        assertThat(logins.send(logins.request("/engine-rest/version")
                .header("X-Forwarded-For", attacker).build()).statusCode()).isEqualTo(401);

        // the grid worker, elsewhere, logs in on every path
        String office = "203.0.113.11";
        assertThat(logins.api(WORKER, DEMO, office).statusCode()).isEqualTo(200);
        assertThat(logins.engineRest(WORKER, DEMO, office).statusCode()).isEqualTo(200);
        assertThat(logins.tasklist(WORKER, DEMO, office).statusCode()).isEqualTo(200);
        assertThat(failedAttempts(WORKER)).isZero();
    }

    @Test
    void countsFailuresOnEveryLoginPath() {
        String address = "203.0.113.20";
        String nobody = "no.such.user";
        assertThat(logins.engineRest(nobody, "x", address).statusCode()).isEqualTo(401);
        assertThat(logins.engineRest(nobody, "x", address).statusCode()).isEqualTo(401);
        assertThat(logins.tasklist(nobody, "x", address).statusCode()).isEqualTo(401);
        assertThat(logins.tasklist(nobody, "x", address).statusCode()).isEqualTo(401);
        assertThat(logins.api(nobody, "x", address).statusCode()).isEqualTo(401);

        assertThat(logins.api(WORKER, DEMO, address).statusCode()).isEqualTo(429);
        assertThat(logins.api(WORKER, DEMO, "203.0.113.21").statusCode()).isEqualTo(200);
    }

    @Test
    void neverLimitsSuccessfulLogins() {
        String office = "203.0.113.30";
        for (int i = 1; i <= 3 * ADDRESS_LIMIT; i++) {
            assertThat(logins.api(WORKER, DEMO, office).statusCode()).as("login %d", i).isEqualTo(200);
            assertThat(logins.engineRest(WORKER, DEMO, office).statusCode()).as("login %d", i).isEqualTo(200);
        }
        assertThat(logins.tasklist(WORKER, DEMO, office).statusCode()).isEqualTo(200);
    }

    private int failedAttempts(String user) {
        return jdbc.queryForObject("SELECT ATTEMPTS_ FROM ACT_ID_USER WHERE ID_ = ?", Integer.class, user);
    }
}
