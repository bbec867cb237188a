package org.gridcase.notification;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.gridcase.identity.CamundaGroups;
import org.gridcase.registry.NotificationContacts;
import org.gridcase.registry.NotifyBy;
import org.gridcase.registry.StaffService;
import org.gridcase.registry.StaffView;
import org.gridcase.registry.UnitLevel;
import org.springframework.stereotype.Component;

/**
 * The addresses of one recipient on one channel, from the registry: a reporter's phone; a group's robots (its unit's
 * or department's duty group) and the phones and e-mails of its members who chose SMS or e-mail; the recipient
 * itself for the bell. Group membership is the Camunda identity's (leaders are made members in Camunda Admin, not
 * in the registry). An empty list: nobody to reach there.
 */
@Component
class NotificationAddresses {

    private final ProcessEngineConfigurationImpl engine;
    private final NotificationContacts contacts;
    private final StaffService staff;

    NotificationAddresses(ProcessEngineConfigurationImpl engine, NotificationContacts contacts, StaffService staff) {
        this.engine = engine;
        this.contacts = contacts;
        this.staff = staff;
    }

    List<String> of(String channel, Recipient recipient) {
        boolean reporter = Recipient.REPORTER.equals(recipient.kind());
        return switch (channel) {
            case "sms", "sms-http" -> reporter ? List.of(recipient.address())
                    : members(recipient, NotifyBy.SMS, StaffView::phone);
            case "email" -> reporter ? List.of() : members(recipient, NotifyBy.EMAIL, StaffView::email);
            case "wecom" -> robots(recipient).map(NotificationContacts.Robots::wecomWebhook)
                    .filter(Objects::nonNull).toList();
            case "dingtalk" -> robots(recipient).map(NotificationContacts.Robots::dingtalkWebhook)
                    .filter(Objects::nonNull).toList();
            case "inapp" -> reporter ? List.of() : List.of(recipient.toString());
            case "log" -> List.of(recipient.toString());
            // an outgoing webhook is a configured endpoint that hears of case changes, not a person's address
            default -> List.of();
        };
    }

    private Stream<NotificationContacts.Robots> robots(Recipient recipient) {
        if (!Recipient.GROUP.equals(recipient.kind())) {
            return Stream.empty();
        }
        String group = recipient.address();
        if (!CamundaGroups.departmentCodes(List.of(group)).isEmpty()) {
            return CamundaGroups.departmentCodes(List.of(group)).stream().map(contacts::ofDepartment);
        }
        return Stream.of(UnitLevel.STREET, UnitLevel.COMMUNITY, UnitLevel.GRID)
                .flatMap(level -> CamundaGroups.unitCodes(level, List.of(group)).stream())
                .map(contacts::ofUnit);
    }

    /** The {@code contact} of the recipient's members (or the one user) who chose to hear by {@code notifyBy}. */
    private List<String> members(Recipient recipient, NotifyBy notifyBy, Function<StaffView, String> contact) {
        List<String> usernames = switch (recipient.kind()) {
            case Recipient.USER -> List.of(recipient.address());
            case Recipient.GROUP -> membersOf(recipient.address());
            default -> List.of();
        };
        return usernames.stream()
                .flatMap(username -> staff.find(username).stream())
                .filter(member -> member.active() && member.notifyBy() == notifyBy)
                .map(contact)
                .filter(address -> address != null && !address.isBlank())
                .distinct()
                .toList();
    }

    /**
     * The group's members, whoever is signed in: a message to the leaders reaches all of them even when a grid
     * worker's action caused it (the engine would otherwise show the caller only the users they may read).
     */
    private List<String> membersOf(String group) {
        return engine.getCommandExecutorTxRequired().execute(context -> withoutAuthorization(context,
                () -> context.getReadOnlyIdentityProvider().createUserQuery(context).memberOfGroup(group)
                        .orderByUserId().asc().list().stream().map(User::getId).toList()));
    }

    static <T> T withoutAuthorization(CommandContext context, java.util.function.Supplier<T> work) {
        boolean enabled = context.isAuthorizationCheckEnabled();
        context.disableAuthorizationCheck();
        try {
            return work.get();
        } finally {
            if (enabled) {
                context.enableAuthorizationCheck();
            }
        }
    }
}
