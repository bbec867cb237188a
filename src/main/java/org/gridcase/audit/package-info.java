/**
 * What auditors see: the complete history of a case, merged in time order from Camunda's history (history level
 * FULL: activities, tasks and who held them, decisions with their inputs and outputs, variable changes, the user
 * operation log, incidents, comments) and gridcase's own records (the request as received, stages, escalation
 * rungs, notifications). Read-only: gridcase offers no way to change or delete any of it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.gridcase.audit;
