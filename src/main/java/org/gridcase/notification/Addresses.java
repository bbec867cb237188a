package org.gridcase.notification;

import java.net.URI;

import org.gridcase.system.PhoneNumbers;

/**
 * A delivery's address as staff and auditors see it: phones masked (139****0109), a robot's webhook URL reduced to
 * its host (the URL carries the robot's access token), e-mail addresses and webhook names as they are.
 */
final class Addresses {

    private Addresses() {
    }

    static String shown(String channel, String address) {
        if (address == null) {
            return null;
        }
        return switch (channel) {
            case SmsChannel.ID, HttpSmsChannel.ID -> PhoneNumbers.mask(address);
            case WeComChannel.ID, DingTalkChannel.ID -> robot(address);
            case InAppChannel.ID, LogChannel.ID -> address.startsWith("reporter:")
                    ? "reporter:" + PhoneNumbers.mask(address.substring("reporter:".length())) : address;
            default -> address;
        };
    }

    private static String robot(String address) {
        try {
            String host = URI.create(address).getHost();
            return host == null ? "机器人" : host + " 机器人";
        } catch (IllegalArgumentException e) {
            return "机器人";
        }
    }
}
