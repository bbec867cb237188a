/**
 * The case workbench (工单中心) at {@code /workbench/}: case-centred pages for staff beside the Tasklist (the case
 * list with saved views, a case's whole story on one page, the hotline's lookup), their JSON API under
 * {@code /api/workbench}, and the staff actions the Tasklist has no place for: urging (催办) and supervision by hand
 * (督办). Pages sign in with the Tasklist's own login (one HTTP session for both); other clients use HTTP Basic.
 * Every case it reads comes through casework's CaseQueries, which scope it to the caller.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workbench")
package org.gridcase.workbench;
