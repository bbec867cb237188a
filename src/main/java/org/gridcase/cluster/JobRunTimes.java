package org.gridcase.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How long each job runs, from its command's start to its commit, against the job lock time. A job still running
 * when its lock expires may be acquired and run again by another node (the first run then fails on the engine's
 * optimistic lock), so the lock time must stay well above the longest job; it must also stay short, because a
 * dead node's jobs, and every other job of their cases, wait for it. A job that takes more than half the lock time
 * is logged as a warning; every job at debug level. Metrics: {@code gridcase.job.runs} (a timer) and
 * {@code gridcase.job.longest} (milliseconds, the longest since this node started).
 */
@Component
class JobRunTimes extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(JobRunTimes.class);

    /** The job the inner interceptor saw, for the outer one that times the whole command to name. */
    private static final ThreadLocal<String> CURRENT_JOB = new ThreadLocal<>();

    private final Timer runs;
    private final AtomicLong longestMillis = new AtomicLong();
    private ProcessEngineConfigurationImpl configuration;

    JobRunTimes(MeterRegistry meters) {
        this.runs = Timer.builder("gridcase.job.runs").description("Time a job takes to run, commit included")
                .register(meters);
        Gauge.builder("gridcase.job.longest", longestMillis, AtomicLong::get).baseUnit("milliseconds")
                .description("The longest job this node has run since it started").register(meters);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        // outside the transaction, so that the commit counts: a job holds its lock until then
        configuration.setCustomPreCommandInterceptorsTxRequired(
                append(configuration.getCustomPreCommandInterceptorsTxRequired(), new Timing()));
        configuration.setCustomPostCommandInterceptorsTxRequired(
                append(configuration.getCustomPostCommandInterceptorsTxRequired(), new Naming()));
    }

    private void record(long nanos, String job) {
        runs.record(nanos, TimeUnit.NANOSECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
        longestMillis.accumulateAndGet(millis, Math::max);
        long lockMillis = configuration.getJobExecutor() == null ? 0 : configuration.getJobExecutor().getLockTimeInMillis();
        if (lockMillis > 0 && millis > lockMillis / 2) {
            log.warn("Job {} ran {} ms, more than half the job lock time ({} ms): a job still running when its lock "
                    + "expires may be run again by another node (camunda.bpm.job-execution.lock-time-in-millis)",
                    job, millis, lockMillis);
        } else {
            log.debug("Job {} ran {} ms", job, millis);
        }
    }

    private static List<CommandInterceptor> append(List<CommandInterceptor> existing, CommandInterceptor last) {
        List<CommandInterceptor> chain = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
        chain.add(last);
        return chain;
    }

    /** Times a job's command, transaction and commit included. */
    private class Timing extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (!(command instanceof ExecuteJobsCmd)) {
                return next.execute(command);
            }
            long started = System.nanoTime();
            try {
                return next.execute(command);
            } finally {
                record(System.nanoTime() - started, CURRENT_JOB.get());
                CURRENT_JOB.remove();
            }
        }
    }

    /** Inside the command, where the job being run is known: its type, activity and process. */
    private static class Naming extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } finally {
                if (command instanceof ExecuteJobsCmd) {
                    JobEntity job = Context.getCommandContext().getCurrentJob();
                    CURRENT_JOB.set(job == null ? "(gone)" : job.getJobHandlerType() + " " + job.getActivityId()
                            + " of " + job.getProcessDefinitionKey() + " " + job.getProcessInstanceId());
                }
            }
        }
    }
}
