package org.gridcase.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.context.ApplicationContext;

/** The benchmark's way to the nightly compaction (package-private in audit): every case ended by now. */
public final class ArchiveForBenchmark {

    private ArchiveForBenchmark() {
    }

    public static int compactEveryEndedCase(ApplicationContext context) {
        Instant later = Instant.now().plus(1, ChronoUnit.DAYS);
        return context.getBean(CaseCompaction.class).compactEndedBefore(later, later);
    }
}
