package org.gridcase.cluster;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lets a case's steps reuse the plans PostgreSQL caches for prepared statements, while every query keeps being
 * planned for its own parameters.
 *
 * <p>Each connection starts with {@code plan_cache_mode = force_custom_plan} (application-postgres.yaml): units
 * differ a thousandfold in size, and one cached plan for "the tasks of group ?" fits a grid and ruins a street.
 * But a step (a task completed, a job run, a process started) sends hundreds of statements that look up or write
 * one row by its key: planning each anew was a third of PostgreSQL's CPU in the benchmark's lifecycle (perf:
 * {@code standard_planner} under {@code exec_bind_message}; pg_stat_statements: as many plans as calls, even for
 * {@code insert into ACT_RU_VARIABLE}). The commands below switch their own transaction to {@code auto} with
 * {@code SET LOCAL}, which ends with the transaction. Every other command, and so every query the Tasklist,
 * the REST API or job acquisition sends, keeps the connection's setting. Registration, which writes the record
 * before it starts the process, asks for the same from its first statement ({@link #reuseInThisTransaction}).
 */
@Component
public class CachedPlansForSteps extends AbstractProcessEnginePlugin {

    private static final String REUSE = "SET LOCAL plan_cache_mode = auto";

    /** The commands that make a case take a step: statements by key, hundreds of them, rarely a search. */
    static final Set<Class<?>> STEPS = Set.of(ExecuteJobsCmd.class, CompleteTaskCmd.class, SubmitTaskFormCmd.class,
            StartProcessInstanceCmd.class, SubmitStartFormCmd.class, CorrelateMessageCmd.class, ClaimTaskCmd.class,
            SetTaskVariablesCmd.class, SetExecutionVariablesCmd.class);

    private final JdbcTemplate jdbc;
    private ProcessEngineConfigurationImpl configuration;

    CachedPlansForSteps(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        // after the engine's own interceptors: inside the command's transaction, where SET LOCAL holds
        List<CommandInterceptor> chain = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        chain.add(new ReuseInSteps());
        configuration.setCustomPostCommandInterceptorsTxRequired(chain);
    }

    /**
     * For a step of gridcase's own that starts before the engine's command (registration: the case number, the
     * record, the reporter's message, then the process start): the rest of the caller's transaction reuses cached
     * plans.
     */
    public void reuseInThisTransaction() {
        if (onPostgres()) {
            jdbc.execute(REUSE);
        }
    }

    private boolean onPostgres() {
        return configuration != null && "postgres".equals(configuration.getDatabaseType());
    }

    private class ReuseInSteps extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (STEPS.contains(command.getClass()) && onPostgres()) {
                try (Statement statement = Context.getCommandContext().getDbSqlSession().getSqlSession()
                        .getConnection().createStatement()) {
                    statement.execute(REUSE);
                } catch (SQLException e) {
                    throw new ProcessEngineException("Cannot let this step reuse cached plans", e);
                }
            }
            return next.execute(command);
        }
    }
}
