package org.gridcase.casework;

import java.util.List;

/**
 * A case was opened, from whichever entry (intake API, Open311, the Tasklist's start form). Published inside the
 * opening transaction, so a listener that records something about the case (the photo module claiming the
 * uploads the report links to) commits or rolls back with it. {@code openedBy} is null for a resident.
 */
public record CaseOpened(String caseNumber, List<String> photoLinks, String openedBy) {
}
