package org.gridcase.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.context.event.EventListener;

/**
 * Wakes a client awaiting its case's next step as soon as a transaction that made one commits, instead of
 * letting it poll: polling queries run in the same JVM and database as the cases measured, and the anchor's tasks
 * are there at once, so the anchor never polls. The signals are the engine's task and execution events, which
 * Camunda's Spring Boot starter publishes as Spring events (camunda.bpm.eventing: gridcase switches them off, the
 * benchmark's context on, both sides alike): a task created, or the start of an activity that makes what a client awaits without a task (the
 * rating window's timer). They fire inside the creating transaction, before its rows are visible to anybody else,
 * so the client is woken only when it commits. A bean of the benchmark's own Spring context only
 * (GridcaseBenchmark), never of the application's or of {@code mvn verify}'s.
 */
final class NextStepSignals {

    /** A look at the database after this long without a signal, so that a missed one cannot hang the run. */
    static final Duration FALLBACK = Duration.ofMillis(200);

    private final Set<String> wakingActivities;
    private final Duration fallback;
    /** One signal per instance a client awaits; it moves to its next phase at each commit that may bring a step. */
    private final Map<String, Phaser> awaited = new ConcurrentHashMap<>();
    /**
     * Steps found by a look after a fallback pause with no signal before it or since: missed signals. A pause that
     * ends in a look finding nothing is a slow step, not counted here.
     */
    final LongAdder foundWithoutSignal = new LongAdder();

    /** {@code wakingActivities}: activities whose start makes what a client awaits, besides tasks. */
    NextStepSignals(Set<String> wakingActivities) {
        this(wakingActivities, FALLBACK);
    }

    NextStepSignals(Set<String> wakingActivities, Duration fallback) {
        this.wakingActivities = Set.copyOf(wakingActivities);
        this.fallback = fallback;
    }

    @EventListener
    void taskEvent(DelegateTask task) {
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            wakeOnCommit(task.getProcessInstanceId());
        }
    }

    @EventListener
    void executionEvent(DelegateExecution execution) {
        if (ExecutionListener.EVENTNAME_START.equals(execution.getEventName())
                && wakingActivities.contains(execution.getCurrentActivityId())) {
            wakeOnCommit(execution.getProcessInstanceId());
        }
    }

    /**
     * Registered whether or not a client awaits the instance yet: one that starts to wait before the commit is then
     * still woken. An instance nobody awaits (the anchor's) costs a map look-up at commit.
     */
    private void wakeOnCommit(String instance) {
        CommandContext command = Context.getCommandContext();
        if (instance == null || command == null) {
            return;
        }
        command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                committed -> wake(instance));
    }

    /** Ends the wait of the client awaiting the instance, if one does; what it awaits may now be visible. */
    void wake(String instance) {
        Phaser signal = awaited.get(instance);
        if (signal != null) {
            signal.arrive();
        }
    }

    /**
     * The first non-null answer of {@code probe}: it looks at once, then after each commit that made a task of the
     * instance or started one of the waking activities, or after the fallback pause without one; fails after
     * {@code timeout}. One client awaits an instance at a time.
     */
    <T> T until(String instance, String what, Duration timeout, Supplier<T> probe) {
        Phaser signal = awaited.computeIfAbsent(instance, i -> new Phaser(1));
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean paused = false;
        try {
            while (true) {
                // the phase is read before the look: a commit after it ends the wait below at once
                int phase = signal.getPhase();
                T answer = probe.get();
                if (answer != null) {
                    // a look after a pause may find a step whose signal came while this thread waited for a core
                    if (paused && signal.getPhase() == phase) {
                        foundWithoutSignal.increment();
                    }
                    return answer;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Waited " + timeout.toSeconds() + " s for " + what);
                }
                try {
                    signal.awaitAdvanceInterruptibly(phase, fallback.toNanos(), TimeUnit.NANOSECONDS);
                    paused = false;
                } catch (TimeoutException noSignal) {
                    paused = true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            awaited.remove(instance);
        }
    }
}
