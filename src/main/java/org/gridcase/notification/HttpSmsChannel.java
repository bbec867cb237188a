package org.gridcase.notification;

import java.net.URI;
import java.util.Map;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A district's intranet SMS gateway: POSTs {@code body} (JSON with {@code {phone}} and {@code {text}} placeholders,
 * filled JSON-escaped) to {@code url}; a 2xx answer is taken as sent. The delivery's idempotency key goes along as
 * the {@code Idempotency-Key} header for gateways that honour it.
 */
@Component
@ConditionalOnProperty(prefix = "gridcase.notification.sms-http", name = "enabled", havingValue = "true")
class HttpSmsChannel implements DeliveryChannel {

    static final String ID = "sms-http";

    record Settings(URI url, String body) {
    }

    private final Settings settings;

    HttpSmsChannel(Environment environment) {
        Settings given = Binder.get(environment).bind("gridcase.notification.sms-http", Settings.class)
                .orElseThrow(() -> new IllegalStateException("gridcase.notification.sms-http.url is missing"));
        if (given.url() == null) {
            throw new IllegalStateException("gridcase.notification.sms-http.url is missing");
        }
        this.settings = new Settings(given.url(), given.body() == null || given.body().isBlank()
                ? "{\"phone\":\"{phone}\",\"text\":\"{text}\"}" : given.body());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void deliver(Delivery delivery) {
        String body = settings.body().replace("{phone}", escaped(delivery.address()))
                .replace("{text}", escaped(delivery.text()));
        ChannelHttp.post(settings.url(), "application/json", body, Map.of("Idempotency-Key", delivery.idempotencyKey()));
    }

    /** The value as it stands inside a JSON string literal. */
    private static String escaped(String value) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(value));
    }
}
