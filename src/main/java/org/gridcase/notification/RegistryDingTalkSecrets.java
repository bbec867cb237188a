package org.gridcase.notification;

import java.util.Optional;

import org.gridcase.registry.NotificationContacts;
import org.springframework.stereotype.Component;

/** DingTalk robots' signing secrets where the robots themselves are kept: the registry's duty-group contacts. */
@Component
class RegistryDingTalkSecrets implements DingTalkSecrets {

    private final NotificationContacts contacts;

    RegistryDingTalkSecrets(NotificationContacts contacts) {
        this.contacts = contacts;
    }

    @Override
    public Optional<String> of(String webhookUrl) {
        return contacts.dingtalkSecret(webhookUrl);
    }
}
