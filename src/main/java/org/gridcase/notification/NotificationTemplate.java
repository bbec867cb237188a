package org.gridcase.notification;

/**
 * The messages gridcase sends. The Chinese texts live in {@code notification-templates.properties}, keyed by
 * these names, with {@code {name}} placeholders filled from the parameters the sender gives (a district may override
 * them in a file of its own: {@code gridcase.notification.templates-location}). The name is also the event the
 * routing table (processes/NotificationRouting.dmn) decides on.
 */
public enum NotificationTemplate {
    /** To the reporter at intake: the case number and the tracking link. */
    REPORTER_RECEIVED("受理告知诉求人"),
    /** To the reporter: the case was handled; please expect a return visit. */
    REPORTER_FEEDBACK("反馈诉求人"),
    /** To the reporter: the return visit found the result wanting, so the case is handled again (重办). */
    REPORTER_REOPENED("重办告知诉求人"),
    /** To the reporter: a dispute's mediation reached a signed agreement; the community checks its performance by a day. */
    REPORTER_AGREEMENT_REACHED("调解协议告知诉求人"),
    /** To a department's duty group: the street summoned it (吹哨报到), check in within the limit. */
    DEPARTMENT_SUMMONED("召集部门"),
    /** To a summoned department: its check-in is overdue. */
    LATE_CHECK_IN_DEPARTMENT("报到超时（致部门）"),
    /** To the street that whistled: a department has not checked in. */
    LATE_CHECK_IN_STREET("报到超时（致街道）"),
    /** To the street: the lead department asks for more time (申请延期); the street approves or refuses. */
    EXTENSION_REQUESTED("申请延期（致街道）"),
    /** To the street: an emergency was reported and departments are summoned at once. */
    EMERGENCY_STREET("应急（致街道）"),
    /** To the group holding a stage: most of its limit has passed (预警). */
    LADDER_WARNING("预警"),
    /** To the next level: a stage's limit has passed (升级). */
    LADDER_ESCALATION("超时升级"),
    /** To the district leadership: a department let twice the limit pass (红牌). */
    LADDER_RED_CARD("红牌"),
    /** To the holder of a case's open step: someone urged it by hand (催办, from the workbench). */
    URGE("催办"),
    /** To the street and the police station: a dispute was assessed as high risk (重大, or could turn violent or collective). */
    HIGH_RISK_DISPUTE("高风险纠纷通报"),
    /** To a resident: the one-time code that lists their reports (我的反映). */
    RESIDENT_SIGN_IN_CODE("查询验证码");

    private final String label;

    NotificationTemplate(String label) {
        this.label = label;
    }

    /** The template as staff and auditors read it. */
    public String label() {
        return label;
    }

    /** A stored template name as people read it; 其他通知 for a name no longer in use. */
    public static String labelOf(String name) {
        for (NotificationTemplate template : values()) {
            if (template.name().equals(name)) {
                return template.label;
            }
        }
        return "其他通知";
    }
}
