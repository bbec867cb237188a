package org.gridcase.notification;

import java.util.Map;

/** Channel ids as staff and auditors read them. */
public final class ChannelLabels {

    private static final Map<String, String> LABELS = Map.of("sms", "短信（阿里云）", "sms-http", "短信（内网网关）",
            "wecom", "企业微信机器人", "dingtalk", "钉钉机器人", "email", "电子邮件", "webhook", "Webhook 推送",
            "inapp", "站内消息", "log", "日志");

    private ChannelLabels() {
    }

    public static String of(String channel) {
        return LABELS.getOrDefault(channel, channel);
    }
}
