package org.gridcase.notification;

import java.net.URI;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A WeCom (企业微信) group robot: the address is the robot's webhook URL (with its key), the message markdown with
 * the case link. WeCom answers 200 with {@code errcode} 0 when it took the message.
 */
@Component
@ConditionalOnProperty(prefix = "gridcase.notification.wecom", name = "enabled", havingValue = "true")
class WeComChannel implements DeliveryChannel {

    static final String ID = "wecom";

    private final CaseLinks links;

    WeComChannel(CaseLinks links) {
        this.links = links;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void deliver(Delivery delivery) {
        Map<String, Object> body = Map.of("msgtype", "markdown",
                "markdown", Map.of("content", RobotMessages.markdown(delivery, links)));
        JsonNode answer = ChannelHttp.readJson(ChannelHttp.post(URI.create(delivery.address()), "application/json",
                Json.write(body), Map.of()));
        if (answer.path("errcode").asInt(-1) != 0) {
            throw new DeliveryFailure("企业微信拒绝：" + answer.path("errcode").asText() + " "
                    + answer.path("errmsg").asText());
        }
    }
}
