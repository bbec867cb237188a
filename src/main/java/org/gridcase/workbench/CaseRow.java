package org.gridcase.workbench;

import java.time.Instant;
import java.util.List;

/**
 * A case in the list: names, not codes; {@code steps} and {@code holders} are its open tasks and who holds them;
 * {@code deadline} is the earliest due date of those tasks (or the record's handling deadline) with the working
 * time left.
 */
record CaseRow(String caseNumber, String categoryName, String address, String status, String statusLabel,
        List<String> steps, List<String> holders, Instant deadline, String timeLeft, String urgencyLabel,
        String streetName, Instant receivedAt, List<CaseFlags.Badge> flags) {
}
