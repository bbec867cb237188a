package org.gridcase.notification;

/**
 * Who a message is for: a reporter (by phone), a Camunda group (a street office, a department, a role group such as
 * leaders) or one member of staff (by Camunda user id). {@link #toString()} is how it is stored
 * ({@code reporter:139…}, {@code group:dept-chengguan}, {@code user:grid.worker}) and the in-app address.
 */
public record Recipient(String kind, String address) {

    public static final String REPORTER = "reporter";
    public static final String GROUP = "group";
    public static final String USER = "user";

    public static Recipient reporter(String phone) {
        return new Recipient(REPORTER, phone);
    }

    public static Recipient group(String groupId) {
        return new Recipient(GROUP, groupId);
    }

    public static Recipient user(String userId) {
        return new Recipient(USER, userId);
    }

    @Override
    public String toString() {
        return kind + ":" + address;
    }
}
