package org.gridcase.casework;

/** A case that was opened: its number, the token that lets the reporter follow it, and its status. */
public record RegisteredCase(String caseNumber, String trackingToken, CaseStatus status) {
}
