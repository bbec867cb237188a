package org.gridcase.notification;

import java.util.Map;

/** Channel ids and template names as staff read them. */
final class ChannelLabels {

    private static final Map<String, String> LABELS = Map.of("sms", "短信（阿里云）", "sms-http", "短信（内网网关）",
            "wecom", "企业微信机器人", "dingtalk", "钉钉机器人", "email", "电子邮件", "webhook", "Webhook 推送",
            "inapp", "站内消息", "log", "日志");

    private static final Map<String, String> TEMPLATES = Map.of("REPORTER_FEEDBACK", "反馈诉求人",
            "LATE_CHECK_IN_DEPARTMENT", "报到超时（致部门）", "LATE_CHECK_IN_STREET", "报到超时（致街道）",
            "EMERGENCY_STREET", "应急（致街道）", "LADDER_WARNING", "预警", "LADDER_ESCALATION", "超时升级",
            "LADDER_RED_CARD", "红牌", "URGE", "催办", "RESIDENT_SIGN_IN_CODE", "查询验证码");

    private ChannelLabels() {
    }

    static String of(String channel) {
        return LABELS.getOrDefault(channel, channel);
    }

    static String template(String template) {
        return TEMPLATES.getOrDefault(template, template);
    }
}
