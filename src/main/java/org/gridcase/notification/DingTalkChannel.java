package org.gridcase.notification;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A DingTalk (钉钉) group robot: the address is the robot's webhook URL (with its access_token), the message
 * markdown with the case link. A robot with 加签 (signing) checks, as DingTalk documents, {@code timestamp} (ms)
 * and {@code sign} = urlencode(base64(HmacSHA256(key = secret, timestamp + "\n" + secret))) added to the URL. The
 * secret is per robot: from {@link DingTalkSecrets} (the registry) when there is such a bean, else
 * {@code gridcase.notification.dingtalk.secrets.<access_token>}, else {@code .secret} for all.
 */
@Component
@ConditionalOnProperty(prefix = "gridcase.notification.dingtalk", name = "enabled", havingValue = "true")
class DingTalkChannel implements DeliveryChannel {

    static final String ID = "dingtalk";

    record Settings(String secret, Map<String, String> secrets) {
    }

    private final CaseLinks links;
    private final Settings settings;
    private final ObjectProvider<DingTalkSecrets> registered;

    DingTalkChannel(CaseLinks links, Environment environment, ObjectProvider<DingTalkSecrets> registered) {
        this.links = links;
        this.registered = registered;
        this.settings = Binder.get(environment).bind("gridcase.notification.dingtalk", Settings.class)
                .orElse(new Settings(null, Map.of()));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void deliver(Delivery delivery) {
        URI robot = URI.create(delivery.address());
        String secret = secretOf(robot);
        if (secret != null) {
            String timestamp = Long.toString(Deliveries.now().toEpochMilli());
            robot = UriComponentsBuilder.fromUri(robot).queryParam("timestamp", timestamp)
                    .queryParam("sign", sign(secret, timestamp)).build(true).toUri();
        }
        Map<String, Object> body = Map.of("msgtype", "markdown", "markdown",
                Map.of("title", RobotMessages.title(delivery), "text", RobotMessages.markdown(delivery, links)));
        JsonNode answer = ChannelHttp.readJson(ChannelHttp.post(robot, "application/json", Json.write(body), Map.of()));
        if (answer.path("errcode").asInt(-1) != 0) {
            throw new DeliveryFailure("钉钉拒绝：" + answer.path("errcode").asText() + " " + answer.path("errmsg").asText());
        }
    }

    private String secretOf(URI robot) {
        DingTalkSecrets registry = registered.getIfAvailable();
        Optional<String> kept = registry == null ? Optional.empty() : registry.of(robot.toString());
        if (kept.isPresent()) {
            return kept.get();
        }
        String token = UriComponentsBuilder.fromUri(robot).build().getQueryParams().getFirst("access_token");
        if (token != null && settings.secrets() != null && settings.secrets().containsKey(token)) {
            return settings.secrets().get(token);
        }
        return settings.secret() == null || settings.secret().isBlank() ? null : settings.secret();
    }

    /** DingTalk's sign, already URL-encoded as it goes into the query. */
    static String sign(String secret, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signed = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return URLEncoder.encode(Base64.getEncoder().encodeToString(signed), StandardCharsets.UTF_8);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
