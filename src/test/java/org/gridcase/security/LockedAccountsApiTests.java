package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridcase.DemoDistrictTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Administrators see which accounts failed logins have locked, and unlock them before the lock runs out. */
@DemoDistrictTest
class LockedAccountsApiTests extends LoginTestSupport {

    static final String USER = "locked.tester";
    static final String PASSWORD = "locked-tester-password";
    static final String LOCKED_ACCOUNTS = "/api/admin/locked-accounts";

    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void createUser() {
        Logins.saveUser(identity, USER, "锁定测试", PASSWORD);
    }

    @AfterEach
    void deleteUser() {
        identity.deleteUser(USER);
    }

    @Test
    void administratorsSeeLockedAccountsAndUnlockThem() throws Exception {
        AccountLockTests.failTenTimes(logins, USER, 40);

        HttpResponse<String> list = asAdmin(logins.request(LOCKED_ACCOUNTS).GET());
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode account = StreamSupport.stream(json.readTree(list.body()).spliterator(), false)
                .filter(a -> a.path("username").asText().equals(USER)).findFirst().orElseThrow();
        assertThat(account.path("name").asText()).isEqualTo("锁定测试 测试");
        assertThat(account.path("failedAttempts").asInt()).isEqualTo(10);
        assertThat(Instant.parse(account.path("lockedUntil").asText()))
                .isEqualTo(jdbc.queryForObject("SELECT LOCK_EXP_TIME_ FROM ACT_ID_USER WHERE ID_ = ?",
                        Timestamp.class, USER).toInstant());

        assertThat(asAdmin(logins.request(LOCKED_ACCOUNTS + "/" + USER).DELETE()).statusCode()).isEqualTo(204);

        assertThat(asAdmin(logins.request(LOCKED_ACCOUNTS).GET()).body()).doesNotContain(USER);
        assertThat(logins.api(USER, PASSWORD, "198.51.100.150").statusCode()).isEqualTo(200);
        HttpResponse<String> unknown = asAdmin(logins.request(LOCKED_ACCOUNTS + "/no.such.user").DELETE());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no.such.user");
    }

    @Test
    void onlyAdministratorsSeeOrUnlockLockedAccounts() {
        HttpRequest.Builder list = logins.request(LOCKED_ACCOUNTS).GET();
        HttpRequest.Builder unlock = logins.request(LOCKED_ACCOUNTS + "/" + USER).DELETE();
        assertThat(logins.send(Logins.basic(list, "grid.worker", "demo").build()).statusCode()).isEqualTo(403);
        assertThat(logins.send(Logins.basic(unlock, "grid.worker", "demo").build()).statusCode()).isEqualTo(403);
        assertThat(logins.send(logins.request(LOCKED_ACCOUNTS).GET().build()).statusCode()).isEqualTo(401);
    }

    /** The demo district's administrator (camunda-admin). */
    private HttpResponse<String> asAdmin(HttpRequest.Builder request) {
        return logins.send(Logins.basic(request, "admin", "demo").build());
    }
}
