package org.gridcase.notification;

/** Who a message is for: a reporter (by phone) or a Camunda group (a street office, a department). */
public record Recipient(String kind, String address) {

    public static Recipient reporter(String phone) {
        return new Recipient("reporter", phone);
    }

    public static Recipient group(String groupId) {
        return new Recipient("group", groupId);
    }

    @Override
    public String toString() {
        return kind + ":" + address;
    }
}
