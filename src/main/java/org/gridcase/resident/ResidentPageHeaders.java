package org.gridcase.resident;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.stereotype.Component;

/**
 * The resident pages' headers, the workbench's policy: Vue compiles the pages' own templates in the browser (no
 * Node build), which takes {@code 'unsafe-eval'}; values from the API are shown as text, never compiled. Images
 * also from {@code blob:}, the photos chosen on the phone shown before they are sent; map tiles from the
 * configured tile server.
 */
@Component
class ResidentPageHeaders {

    private final String policy;

    ResidentPageHeaders(@Value("${gridcase.map.tile-url:}") String tileUrl) {
        this.policy = String.join("; ",
                "default-src 'self'",
                "script-src 'self' 'unsafe-eval'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data: blob:" + tileOrigin(tileUrl),
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

    private static String tileOrigin(String tileUrl) {
        if (tileUrl == null || tileUrl.isBlank()) {
            return "";
        }
        URI uri = URI.create(tileUrl.replace("{s}", "x").replaceAll("\\{[a-z]+}", "0"));
        String host = tileUrl.contains("://{s}.") ? "*." + uri.getHost().substring(2) : uri.getHost();
        return " " + uri.getScheme() + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
