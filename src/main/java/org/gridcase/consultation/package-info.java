/**
 * The consultation meeting (协商议事会): {@code processes/ConsultationMeeting.bpmn}, called by the street's whistle
 * (and later by mediation) when the parties to a problem (departments, outside bodies such as the bus company or a
 * property company, resident representatives) meet and agree who does what by when. It owns the meeting's record,
 * its commitments and their state; the commitments' deadlines escalate by casework's ladder (stage COMMITMENT).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consultation")
package org.gridcase.consultation;
