package org.gridcase.registry;

/** A duty group's robots as administrators see them: the URLs, and whether a DingTalk secret is set (已设置). */
public record DutyRobotsView(String wecomWebhook, String dingtalkWebhook, String dingtalkSecret) {

    static final String SECRET_SET = "已设置";

    static final DutyRobotsView NONE = new DutyRobotsView(null, null, null);
}
