package org.gridcase.notification;

import java.util.Optional;

/**
 * Where a DingTalk robot's signing secret (加签) is kept, by the robot's webhook URL: the registry, beside the duty
 * group's robots. Without such a bean the channel reads {@code gridcase.notification.dingtalk.secrets}.
 */
interface DingTalkSecrets {

    Optional<String> of(String webhookUrl);
}
