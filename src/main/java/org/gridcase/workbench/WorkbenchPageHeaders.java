package org.gridcase.workbench;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.stereotype.Component;

/**
 * The workbench pages' headers: nosniff, no framing, and a Content-Security-Policy like the auditors' pages, with
 * two differences. Vue compiles the pages' templates in the browser (no Node build), which takes
 * {@code 'unsafe-eval'}; the templates are the static files themselves and every value from the API is
 * interpolated as text, never compiled. Map tiles may come from the configured tile server
 * ({@code gridcase.map.tile-url}, none by default: the grid is drawn on a blank background).
 */
@Component
class WorkbenchPageHeaders {

    private final String policy;

    WorkbenchPageHeaders(@Value("${gridcase.map.tile-url:}") String tileUrl, PhotoOrigins photos) {
        this.policy = String.join("; ",
                "default-src 'self'",
                "script-src 'self' 'unsafe-eval'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data:" + tileOrigin(tileUrl) + photos.policySources(),
                "connect-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "frame-ancestors 'none'");
    }

    Customizer<HeadersConfigurer<HttpSecurity>> customizer() {
        return headers -> headers
                .contentTypeOptions(Customizer.withDefaults())
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .contentSecurityPolicy(csp -> csp.policyDirectives(policy));
    }

    String policy() {
        return policy;
    }

    /** The tile server's scheme and host; its {s} subdomain placeholder becomes a wildcard. */
    private static String tileOrigin(String tileUrl) {
        if (tileUrl == null || tileUrl.isBlank()) {
            return "";
        }
        URI uri = URI.create(tileUrl.replace("{s}", "x").replaceAll("\\{[a-z]+}", "0"));
        String host = tileUrl.contains("://{s}.") ? "*." + uri.getHost().substring(2) : uri.getHost();
        return " " + uri.getScheme() + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
