package org.gridcase.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The group robots of a unit's or a department's duty group (值班群): a WeCom webhook URL, a DingTalk webhook URL
 * and the secret DingTalk signs with (加签). The URLs carry the robots' keys, so only administrators see them and
 * nobody sees the secret again once set.
 */
@Embeddable
class DutyRobots {

    @Column(name = "wecom_webhook")
    private String wecomWebhook;

    @Column(name = "dingtalk_webhook")
    private String dingtalkWebhook;

    @Column(name = "dingtalk_secret")
    private String dingtalkSecret;

    /** The new robots; a secret left out (null) is kept, an empty one removed. */
    void change(DutyRobotsRequest request) {
        this.wecomWebhook = blankToNull(request.wecomWebhook());
        this.dingtalkWebhook = blankToNull(request.dingtalkWebhook());
        if (request.dingtalkSecret() != null && !DutyRobotsView.SECRET_SET.equals(request.dingtalkSecret())) {
            this.dingtalkSecret = blankToNull(request.dingtalkSecret());
        }
    }

    DutyRobotsView view() {
        return new DutyRobotsView(wecomWebhook, dingtalkWebhook,
                dingtalkSecret == null ? null : DutyRobotsView.SECRET_SET);
    }

    String wecomWebhook() {
        return wecomWebhook;
    }

    String dingtalkWebhook() {
        return dingtalkWebhook;
    }

    String dingtalkSecret() {
        return dingtalkSecret;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
