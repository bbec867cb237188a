package org.gridcase.registry;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A unit's or a department's duty group robots, part of its request. Left out of the request: unchanged. An empty
 * URL removes that robot; the secret left out (or sent back as 已设置) is kept, an empty one removed.
 */
record DutyRobotsRequest(
        @Pattern(regexp = "\\s*|https?://\\S+", message = "必须是以 http:// 或 https:// 开头的企业微信机器人 Webhook 地址")
        @Size(max = 500, message = "不能超过 500 个字符")
        String wecomWebhook,
        @Pattern(regexp = "\\s*|https?://\\S+", message = "必须是以 http:// 或 https:// 开头的钉钉机器人 Webhook 地址")
        @Size(max = 500, message = "不能超过 500 个字符")
        String dingtalkWebhook,
        @Size(max = 200, message = "不能超过 200 个字符")
        @Pattern(regexp = "\\S*|已设置", message = "钉钉加签密钥不能含空格")
        String dingtalkSecret) {
}
