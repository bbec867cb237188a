package org.gridcase.audit;

import java.time.Instant;
import java.util.Set;

import org.springframework.context.ApplicationContext;

/** Other modules' tests' way to the nightly compaction (package-private in audit): these cases only, ended or not. */
public final class ArchiveForTests {

    private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

    private ArchiveForTests() {
    }

    /** Archives the case of this process instance (when it has ended) and deletes its engine history. */
    public static boolean compact(ApplicationContext context, String processInstanceId) {
        return context.getBean(CaseCompaction.class).compactEndedBefore(FAR_FUTURE, FAR_FUTURE,
                Set.of(processInstanceId)) == 1;
    }
}
