package org.gridcase.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.identity.CamundaGroups;
import org.gridcase.registry.UnitLevel;
import org.springframework.stereotype.Component;

/**
 * The routing table: processes/NotificationRouting.dmn (designers edit it in Camunda Modeler) names the channels of
 * a message from its event (the template), the kind of recipient and whether it is urgent; the registry gives each
 * channel's addresses (NotificationAddresses); the quiet hours give residents' routine texts their earliest time.
 */
@Component
class DmnNotificationRouting implements NotificationRouting {

    static final String DECISION = "NotificationRouting";

    private final ProcessEngineConfigurationImpl engine;
    private final NotificationAddresses addresses;
    private final QuietHours quietHours;
    private final Set<String> webhookEndpoints;
    private final String textChannel;

    DmnNotificationRouting(ProcessEngineConfigurationImpl engine, NotificationAddresses addresses,
            QuietHours quietHours, List<DeliveryChannel> enabled) {
        this.engine = engine;
        this.addresses = addresses;
        this.quietHours = quietHours;
        this.webhookEndpoints = enabled.stream().filter(WebhookChannel.class::isInstance)
                .map(WebhookChannel.class::cast).findFirst().map(WebhookChannel::endpointNames).orElse(Set.of());
        // the table's "sms" is a text message: a district that texts only through its intranet gateway sends it there
        boolean aliyun = enabled.stream().anyMatch(SmsChannel.class::isInstance);
        boolean gateway = enabled.stream().anyMatch(HttpSmsChannel.class::isInstance);
        this.textChannel = !aliyun && gateway ? HttpSmsChannel.ID : SmsChannel.ID;
    }

    @Override
    public List<Route> routes(Notification notification) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        List<Route> routes = new ArrayList<>();
        for (String channel : channels(notification)) {
            for (String address : addresses.of(channel, notification.recipient())) {
                routes.add(new Route(channel, address, quietHours.notBefore(channel, notification, now)));
            }
        }
        if (notification.caseNumber() != null) {
            // other systems (the city's 12345 platform) hear of every message about a case, whoever it was for
            webhookEndpoints.forEach(name -> routes.add(new Route(WebhookChannel.ID, name, null)));
        }
        return routes;
    }

    /**
     * The table's channels, each once, in the table's order. Evaluated without the caller's authorizations: the
     * message of an action goes out whoever acted, as the action's other effects do.
     */
    Set<String> channels(Notification notification) {
        Map<String, Object> facts = Map.of(
                "event", notification.template().name(),
                "recipientKind", kindOf(notification.recipient()),
                "urgent", notification.urgent());
        List<String> channels = engine.getCommandExecutorTxRequired().execute(context ->
                NotificationAddresses.withoutAuthorization(context, () -> engine.getDecisionService()
                        .evaluateDecisionByKey(DECISION).variables(facts).evaluate().collectEntries("channel")));
        return channels.stream().map(channel -> SmsChannel.ID.equals(channel) ? textChannel : channel)
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
    }

    /** The table's recipientKind: reporter, department, street, community, grid, leaders, supervisor, ... */
    static String kindOf(Recipient recipient) {
        if (!Recipient.GROUP.equals(recipient.kind())) {
            return recipient.kind();
        }
        String group = recipient.address();
        return switch (group) {
            case CamundaGroups.LEADERS -> "leaders";
            case CamundaGroups.SUPERVISORS -> "supervisor";
            case CamundaGroups.DISPATCHERS -> "dispatcher";
            default -> group.startsWith(CamundaGroups.ofDepartment("")) ? "department"
                    : group.startsWith(CamundaGroups.ofUnit(UnitLevel.STREET, "")) ? "street"
                    : group.startsWith(CamundaGroups.ofUnit(UnitLevel.COMMUNITY, "")) ? "community"
                    : group.startsWith(CamundaGroups.ofUnit(UnitLevel.GRID, "")) ? "grid"
                    : "other";
        };
    }
}
