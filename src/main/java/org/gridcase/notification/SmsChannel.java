package org.gridcase.notification;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Aliyun SMS (阿里云短信服务), its SendSms API over HTTP with the RPC-style signature as Aliyun documents it: the
 * parameters sorted and percent-encoded (RFC 3986: space as %20, * as %2A, ~ kept) into the canonical query,
 * {@code POST&%2F&<encoded canonical query>} signed with HMAC-SHA1 under the key {@code AccessKeySecret + "&"}, the
 * Base64 signature sent as {@code Signature}. Providers send only pre-approved templates, so each gridcase template
 * is mapped to the provider's TemplateCode and its parameters are sent as TemplateParam: here the message's text as
 * {@code content} and the case number as {@code caseNumber} (the approved template uses ${content}). The delivery's
 * idempotency key is the OutId, which Aliyun returns in its receipts.
 */
@Component
@ConditionalOnProperty(prefix = "gridcase.notification.sms", name = "enabled", havingValue = "true")
class SmsChannel implements DeliveryChannel {

    static final String ID = "sms";

    record Settings(String endpoint, String accessKeyId, String accessKeySecret, String signName, String regionId,
            Map<String, String> templates) {
    }

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final Settings settings;

    SmsChannel(Environment environment) {
        this.settings = Binder.get(environment).bind("gridcase.notification.sms", Settings.class)
                .orElseThrow(() -> new IllegalStateException("gridcase.notification.sms is incomplete"));
        for (String required : new String[] {settings.accessKeyId(), settings.accessKeySecret(), settings.signName()}) {
            if (required == null || required.isBlank()) {
                throw new IllegalStateException(
                        "gridcase.notification.sms needs access-key-id, access-key-secret and sign-name");
            }
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void deliver(Delivery delivery) {
        // map keys arrive as written or lower-cased, depending on the property source
        String templateCode = settings.templates() == null ? null : settings.templates().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(delivery.template())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
        if (templateCode == null) {
            throw new DeliveryFailure("模板 " + delivery.template() + " 没有对应的短信模板编号（gridcase.notification.sms.templates）");
        }
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("AccessKeyId", settings.accessKeyId());
        parameters.put("Action", "SendSms");
        parameters.put("Format", "JSON");
        parameters.put("RegionId", settings.regionId() == null ? "cn-hangzhou" : settings.regionId());
        parameters.put("SignatureMethod", "HMAC-SHA1");
        parameters.put("SignatureNonce", UUID.randomUUID().toString());
        parameters.put("SignatureVersion", "1.0");
        parameters.put("Timestamp", TIMESTAMP.format(Deliveries.now()));
        parameters.put("Version", "2017-05-25");
        parameters.put("PhoneNumbers", delivery.address());
        parameters.put("SignName", settings.signName());
        parameters.put("TemplateCode", templateCode);
        parameters.put("TemplateParam", templateParam(delivery));
        parameters.put("OutId", delivery.idempotencyKey());
        String query = canonicalQuery(parameters);
        String signature = sign(settings.accessKeySecret(), "POST&" + encode("/") + "&" + encode(query));
        String body = query + "&Signature=" + encode(signature);
        String endpoint = settings.endpoint() == null || settings.endpoint().isBlank() ? "https://dysmsapi.aliyuncs.com/"
                : settings.endpoint();
        JsonNode answer = ChannelHttp.readJson(ChannelHttp.post(URI.create(endpoint),
                "application/x-www-form-urlencoded", body, Map.of()));
        if (!"OK".equals(answer.path("Code").asText())) {
            throw new DeliveryFailure("短信服务拒绝：" + answer.path("Code").asText() + " " + answer.path("Message").asText());
        }
    }

    private static String templateParam(Delivery delivery) {
        Map<String, String> values = new TreeMap<>();
        values.put("content", delivery.text());
        if (delivery.caseNumber() != null) {
            values.put("caseNumber", delivery.caseNumber());
        }
        try {
            return ChannelHttp.json.writeValueAsString(values);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Aliyun's canonical query: sorted by name, each name and value percent-encoded. */
    static String canonicalQuery(Map<String, String> sorted) {
        return sorted.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** Aliyun's percent-encoding: UTF-8 form encoding, then space %20, * %2A and ~ as itself. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    static String sign(String accessKeySecret, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((accessKeySecret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
