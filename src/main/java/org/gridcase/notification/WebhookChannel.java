package org.gridcase.notification;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Outgoing webhooks for other systems (the city's 12345 platform, say): one JSON event per message POSTed to the
 * endpoint the route names ({@code gridcase.notification.webhook.endpoints.<name>.url} and {@code .secret}). Signed
 * so that the receiver can trust it and refuse replays: {@code X-Gridcase-Timestamp} (seconds since the epoch) and
 * {@code X-Gridcase-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}; the delivery's
 * {@code Idempotency-Key} is the same on every try (and is the event's {@code id}).
 */
@Component
@ConditionalOnProperty(prefix = "gridcase.notification.webhook", name = "enabled", havingValue = "true")
class WebhookChannel implements DeliveryChannel {

    static final String ID = "webhook";

    record Endpoint(URI url, String secret) {
    }

    private final Map<String, Endpoint> endpoints;
    private final CaseLinks links;

    WebhookChannel(Environment environment, CaseLinks links) {
        this.endpoints = Binder.get(environment).bind("gridcase.notification.webhook.endpoints",
                Bindable.mapOf(String.class, Endpoint.class)).orElse(Map.of());
        this.links = links;
    }

    @Override
    public String id() {
        return ID;
    }

    /** The configured endpoints' names: each hears every message about a case. */
    Set<String> endpointNames() {
        return endpoints.keySet();
    }

    @Override
    public void deliver(Delivery delivery) {
        Endpoint endpoint = endpoints.get(delivery.address());
        if (endpoint == null || endpoint.url() == null || endpoint.secret() == null) {
            throw new DeliveryFailure("未配置名为 " + delivery.address() + " 的 webhook 接收方（url 与 secret）");
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", delivery.idempotencyKey());
        event.put("type", "notification");
        event.put("template", delivery.template());
        event.put("caseNumber", delivery.caseNumber());
        event.put("caseUrl", links.of(delivery.caseNumber()));
        event.put("recipient", delivery.recipient());
        event.put("text", delivery.text());
        event.put("sentAt", Deliveries.now().toString());
        String body = Json.write(event);
        String timestamp = Long.toString(Deliveries.now().getEpochSecond());
        ChannelHttp.post(endpoint.url(), "application/json", body, Map.of("X-Gridcase-Timestamp", timestamp,
                "X-Gridcase-Signature", "sha256=" + sign(endpoint.secret(), timestamp + "." + body),
                "Idempotency-Key", delivery.idempotencyKey()));
    }

    static String sign(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
