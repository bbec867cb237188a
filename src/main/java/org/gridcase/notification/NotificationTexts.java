package org.gridcase.notification;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The Chinese texts of the templates: notification-templates.properties on the classpath, overridden key by key by
 * the file {@code gridcase.notification.templates-location} names (e.g.
 * file:/etc/gridcase/notification-templates.properties), so that a district changes its wording without a new
 * build. That file is read again when it changes (its modification time), so an edit needs no restart; a broken
 * edit keeps the texts read before.
 */
@Component
class NotificationTexts {

    private static final Logger log = LoggerFactory.getLogger(NotificationTexts.class);

    private final Properties builtIn;
    private final Resource external;
    private volatile Properties texts;
    private volatile long externalModified = Long.MIN_VALUE;

    NotificationTexts(ResourceLoader resources,
            @Value("${gridcase.notification.templates-location:}") String templatesLocation) {
        this.builtIn = read(new ClassPathResource("notification-templates.properties"));
        for (NotificationTemplate template : NotificationTemplate.values()) {
            if (!builtIn.containsKey(template.name())) {
                throw new IllegalStateException("No text for notification template " + template);
            }
        }
        this.texts = builtIn;
        this.external = templatesLocation.isBlank() ? null : resources.getResource(templatesLocation);
        if (external != null && !external.exists()) {
            throw new IllegalStateException("gridcase.notification.templates-location: " + templatesLocation
                    + " does not exist");
        }
        refresh();
    }

    /** The template's text with its {name} placeholders filled. */
    String render(NotificationTemplate template, Map<String, ?> parameters) {
        refresh();
        String text = texts.getProperty(template.name());
        for (Map.Entry<String, ?> parameter : parameters.entrySet()) {
            text = text.replace("{" + parameter.getKey() + "}", String.valueOf(parameter.getValue()));
        }
        return text;
    }

    private void refresh() {
        if (external == null) {
            return;
        }
        try {
            long modified = external.lastModified();
            if (modified == externalModified) {
                return;
            }
            Properties merged = new Properties();
            merged.putAll(builtIn);
            merged.putAll(read(external));
            texts = merged;
            externalModified = modified;
            log.info("Notification texts read from {}", external.getDescription());
        } catch (IOException | UncheckedIOException e) {
            log.warn("Notification texts in {} could not be read; keeping the texts read before", external, e);
        }
    }

    private static Properties read(Resource resource) {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(resource.getDescription() + " cannot be read", e);
        }
        return properties;
    }
}
