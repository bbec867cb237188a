package org.gridcase.notification;

/**
 * The messages gridcase sends. The Chinese texts live in {@code notification-templates.properties}, keyed by
 * these names, with {@code {name}} placeholders filled from the parameters the sender gives (a district may override
 * them in a file of its own: {@code gridcase.notification.templates-location}). The name is also the event the
 * routing table (processes/NotificationRouting.dmn) decides on.
 */
public enum NotificationTemplate {
    /** To the reporter at intake: the case number and the tracking link. */
    REPORTER_RECEIVED,
    /** To the reporter: the case was handled; please expect a return visit. */
    REPORTER_FEEDBACK,
    /** To the reporter: the return visit found the result wanting, so the case is handled again (重办). */
    REPORTER_REOPENED,
    /** To a department's duty group: the street summoned it (吹哨报到), check in within the limit. */
    DEPARTMENT_SUMMONED,
    /** To a summoned department: its check-in is overdue. */
    LATE_CHECK_IN_DEPARTMENT,
    /** To the street that whistled: a department has not checked in. */
    LATE_CHECK_IN_STREET,
    /** To the street: the lead department asks for more time (申请延期); the street approves or refuses. */
    EXTENSION_REQUESTED,
    /** To the street: an emergency was reported and departments are summoned at once. */
    EMERGENCY_STREET,
    /** To the group holding a stage: most of its limit has passed (预警). */
    LADDER_WARNING,
    /** To the next level: a stage's limit has passed (升级). */
    LADDER_ESCALATION,
    /** To the district leadership: a department let twice the limit pass (红牌). */
    LADDER_RED_CARD,
    /** To the holder of a case's open step: someone urged it by hand (催办, from the workbench). */
    URGE,
    /** To the street and the police station: a dispute was assessed as high risk (重大, or could turn violent or collective). */
    HIGH_RISK_DISPUTE,
    /** To a resident: the one-time code that lists their reports (我的反映). */
    RESIDENT_SIGN_IN_CODE
}
