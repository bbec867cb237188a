package org.gridcase.casework;

import java.time.Instant;

/** The process variables the case record keeps a copy of. */
record ProcessFacts(String track, String leadDepartment, Instant handlingDue, String handlingOutcome,
        String handlingResult, String resolution, String satisfaction, String ratedBy, String ratingComment,
        int reopenCount) {
}
