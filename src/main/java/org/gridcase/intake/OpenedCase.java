package org.gridcase.intake;

/** The answer to a new report: the case number and where the reporter can follow it. */
record OpenedCase(String caseNumber, String status, String statusLabel, String trackingUrl) {
}
