/**
 * Dispute mediation (矛盾纠纷调解): the glue of {@code processes/MediationProcess.bpmn} (called from the main
 * process for the 矛盾纠纷 categories), the mediation record (assessment, mediator, sessions, agreements and their
 * follow-up), the agreement as a PDF for signature, and the API {@code /api/cases/{n}/mediation}. Which cases a
 * caller may see is casework's to say.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mediation")
package org.gridcase.mediation;
