/**
 * How reports come in and how their reporters follow them: {@code POST /api/cases} (open to residents' apps,
 * the hotline and grid workers alike, idempotent with an {@code Idempotency-Key}), {@code GET
 * /api/cases/{caseNumber}} with the tracking token (a view safe to show the public), and the staff's case list.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake")
package org.gridcase.intake;
