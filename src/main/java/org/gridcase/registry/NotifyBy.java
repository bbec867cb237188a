package org.gridcase.registry;

/** How a member of staff hears of their messages besides the workbench's bell (站内消息). */
public enum NotifyBy {
    INAPP("仅站内消息"),
    SMS("站内消息 + 短信"),
    EMAIL("站内消息 + 邮件");

    private final String label;

    NotifyBy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
