package org.gridcase.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** The benchmark's clients wait for a signal, not for a poll's pause; a missed signal costs a pause, no more. */
class NextStepSignalsTests {

    private final AtomicReference<String> task = new AtomicReference<>();
    private final AtomicInteger looks = new AtomicInteger();

    @Test
    void aClientWokenByTheCommitFindsItsTaskWithoutPausing() {
        // given: a pause far longer than a signal takes, even on a busy machine; the task is made (and committed)
        // on another thread after the client's first look
        NextStepSignals signals = new NextStepSignals(Set.of(), Duration.ofSeconds(5));

        // when
        long start = System.nanoTime();
        String found = signals.until("instance-1", "the check-in", Duration.ofSeconds(10),
                () -> lookThenMake(signals, "instance-1"));

        // then: found at the second look, long before the pause would have ended
        assertThat(found).isEqualTo("Task_CheckIn");
        assertThat(looks).hasValue(2);
        assertThat(signals.foundWithoutSignal.sum()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aSignalForAnotherInstanceDoesNotWakeTheClient() {
        NextStepSignals signals = new NextStepSignals(Set.of(), Duration.ofSeconds(1));

        String found = signals.until("instance-1", "the check-in", Duration.ofSeconds(10),
                () -> lookThenMake(signals, "instance-2"));

        // found by the look after the pause, and counted as such
        assertThat(found).isEqualTo("Task_CheckIn");
        assertThat(looks).hasValue(2);
        assertThat(signals.foundWithoutSignal.sum()).isOne();
    }

    @Test
    void aStepThatNeverComesFailsTheRunAtTheTimeout() {
        NextStepSignals signals = new NextStepSignals(Set.of(), Duration.ofMillis(200));

        assertThatThrownBy(() -> signals.until("instance-1", "the check-in", Duration.ofMillis(300), () -> {
            looks.incrementAndGet();
            return null;
        })).hasMessage("Waited 0 s for the check-in");
        assertThat(looks.get()).isBetween(2, 3);
    }

    /** A look that finds nothing the first time and, as it returns, has the task made and its commit signalled. */
    private String lookThenMake(NextStepSignals signals, String signalled) {
        String answer = task.get();
        if (looks.incrementAndGet() == 1) {
            CompletableFuture.runAsync(() -> {
                task.set("Task_CheckIn");
                signals.wake(signalled);
            });
        }
        return answer;
    }
}
