/**
 * The case and its process: the case record (number, report, placement, stages, summoned departments) and the
 * glue between {@code processes/GridReportProcess.bpmn} and the rest of gridcase (delegates, listeners, the
 * engine plugin that follows each stage). The process keeps the record in step from inside the engine's own
 * transactions; nothing else edits it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Casework")
package org.gridcase.casework;
