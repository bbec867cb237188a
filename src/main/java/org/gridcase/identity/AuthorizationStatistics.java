package org.gridcase.identity;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * Teaches PostgreSQL how many authorizations grant what. Every task, process and history query of a member of
 * staff joins Camunda's authorizations filtered on permission bits ({@code PERMS_ & 2 = 2}); PostgreSQL guesses
 * such a condition keeps 0.5 % of the rows, so with a unit's thousands of per-task grants it plans a nested loop
 * over all of them for every task: the street's Tasklist filter took 5.8 s at 4,000 open tasks and grew with the
 * square. Statistics on those expressions give it the true share, and it looks each task's grants up by index
 * instead (0.15–0.4 s). ANALYZE, and autovacuum after it, keeps them current.
 */
@Component
class AuthorizationStatistics {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationStatistics.class);

    /** READ, READ_TASK, READ_INSTANCE, READ_HISTORY: the bits the engine's queries test. */
    private static final String CREATE = "CREATE STATISTICS IF NOT EXISTS gridcase_authorization_perms"
            + " ON (perms_ & 2), (perms_ & 64), (perms_ & 512), (perms_ & 4096), resource_type_"
            + " FROM act_ru_authorization";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    AuthorizationStatistics(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void create() {
        if (!isPostgres()) {
            return;
        }
        try {
            jdbc.execute(CREATE);
            jdbc.execute("ANALYZE act_ru_authorization");
        } catch (DataAccessException e) {
            // another node created them at the same moment, or the role may not: queries are slower, not wrong
            log.warn("Statistics on Camunda's authorizations not created: {}", e.getMostSpecificCause().getMessage());
        }
    }

    private boolean isPostgres() {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getDatabaseProductName());
            return "PostgreSQL".equals(product);
        } catch (Exception e) {
            return false;
        }
    }
}
