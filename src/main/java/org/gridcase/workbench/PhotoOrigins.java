package org.gridcase.workbench;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which photo links the case page shows as pictures: gridcase's own, and those of the photo servers the district
 * trusts ({@code gridcase.workbench.photo-origins}, e.g. the city's 随手拍 server). Any other link stays a link the
 * staff member may choose to open: a picture fetched from an arbitrary server, named by whoever reported the case,
 * would tell that server who opened the case and when. The pages' Content-Security-Policy admits the same servers.
 */
@Component
class PhotoOrigins {

    private final Set<String> trusted;

    PhotoOrigins(@Value("${gridcase.workbench.photo-origins:}") List<String> origins) {
        this.trusted = origins.stream().map(String::trim).filter(o -> !o.isEmpty())
                .map(o -> origin(o).orElseThrow(() -> new IllegalArgumentException(
                        "gridcase.workbench.photo-origins: not an http(s) origin: " + o)))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The trusted servers as Content-Security-Policy sources (empty, or starting with a space). */
    String policySources() {
        return trusted.stream().sorted().map(o -> " " + o).collect(Collectors.joining());
    }

    /** The links to show as pictures: those of gridcase itself ({@code ownOrigin}) or of a trusted server. */
    List<String> pictures(List<String> links, String ownOrigin) {
        return links.stream().filter(link -> origin(link)
                .filter(o -> o.equals(ownOrigin) || trusted.contains(o)).isPresent()).toList();
    }

    /** scheme://host[:port] of an absolute http(s) link, lower case; empty for anything else. */
    static Optional<String> origin(String link) {
        try {
            URI uri = URI.create(link.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (IllegalArgumentException notALink) {
            return Optional.empty();
        }
    }
}
