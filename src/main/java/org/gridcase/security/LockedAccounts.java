package org.gridcase.security;

import java.sql.Timestamp;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.system.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The accounts locked right now. Camunda's UserQuery cannot filter on the lock, so the engine's own user table is
 * read; unlocking goes through the engine, which checks that the caller is an administrator and records it in
 * the user operation log.
 */
@Component
class LockedAccounts {

    private final JdbcTemplate jdbc;
    private final IdentityService identity;

    LockedAccounts(JdbcTemplate jdbc, IdentityService identity) {
        this.jdbc = jdbc;
        this.identity = identity;
    }

    List<LockedAccount> list() {
        // the engine's clock, as the lock itself was set by it
        Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
        return jdbc.query("""
                SELECT ID_, FIRST_, LAST_, ATTEMPTS_, LOCK_EXP_TIME_ FROM ACT_ID_USER
                WHERE LOCK_EXP_TIME_ > ? ORDER BY LOCK_EXP_TIME_ DESC, ID_""",
                (row, n) -> new LockedAccount(row.getString("ID_"),
                        name(row.getString("FIRST_"), row.getString("LAST_")),
                        row.getInt("ATTEMPTS_"),
                        row.getTimestamp("LOCK_EXP_TIME_").toInstant()),
                now);
    }

    void unlock(String username) {
        if (identity.createUserQuery().userId(username).count() == 0) {
            throw new NotFoundException("没有用户 " + username);
        }
        identity.unlockUser(username);
    }

    /** As the Tasklist shows a user: first name (the full name), then last name (the role). */
    private static String name(String first, String last) {
        return Stream.of(first, last).filter(Objects::nonNull).filter(s -> !s.isBlank())
                .collect(Collectors.joining(" "));
    }
}
