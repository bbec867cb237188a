package org.gridcase.photo;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A photo's absolute addresses as the current request reached gridcase (Tomcat's RemoteIpValve has applied a
 * trusted proxy's X-Forwarded-Proto and Host), so that the workbench recognises them as gridcase's own.
 */
@Component
class PhotoLinks {

    /** The path of an image this class links to: /photos/{id}, under whatever context path gridcase runs. */
    private static final Pattern IMAGE_PATH = Pattern.compile("(?:/[^/]+)*/photos/([A-Za-z0-9_-]{22})");

    String image(String id) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/photos/{id}").buildAndExpand(id)
                .toUriString();
    }

    String thumbnail(String id) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/photos/{id}/thumb").buildAndExpand(id)
                .toUriString();
    }

    /**
     * The photo id in a link to one of gridcase's images ({@link #image}), as a report's photoLinks or an Open311
     * media_url carry it; empty for any other link (a thumbnail, a picture on another server). The host is not
     * compared: behind proxies gridcase has several names, and the id (128 random bits) is what only the uploader
     * knows.
     */
    static Optional<String> idOf(String link) {
        if (link == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(link.strip());
            if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawPath() == null) {
                return Optional.empty();
            }
            Matcher image = IMAGE_PATH.matcher(uri.getRawPath());
            return image.matches() ? Optional.of(image.group(1)) : Optional.empty();
        } catch (URISyntaxException notALink) {
            return Optional.empty();
        }
    }
}
