package org.gridcase.casework;

/**
 * A case record changed: published inside the transaction that changed it, just before it commits, with the
 * record as it will be committed (the reporter's phone included: it is for gridcase's own modules, never a
 * caller). Listeners that keep figures from it (the evaluation's facts) write in the same transaction, so a step
 * and its figures commit or roll back together. {@code created}: the record was made in this transaction (a
 * listener need not look for an earlier copy of it).
 */
public record CaseRecorded(CaseDetails details, boolean created) {
}
