package org.gridcase.security;

import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The headers of the pages gridcase serves itself (the auditors' pages, Swagger UI): a Content-Security-Policy
 * that lets a page run only scripts from gridcase's own address and be framed by nobody, besides Spring
 * Security's nosniff and X-Frame-Options DENY. Inline styles stay allowed: the process diagram the replay page
 * draws is an SVG with its own style sheet, shared with the printed report, and Swagger UI sets styles inline;
 * every page builds its text with textContent, so no visitor's input becomes markup that such a style could use.
 */
public final class PageHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private PageHeaders() {
    }

    /**
     * For a filter chain's {@code headers(...)}: the policy on the answers to these paths (PathPattern syntax),
     * nosniff and no framing on all of the chain's answers. JSON and PDF answers of an API need no policy.
     */
    public static Customizer<HeadersConfigurer<HttpSecurity>> on(String... pages) {
        RequestMatcher matcher = matching(pages);
        return headers -> headers
                .contentTypeOptions(Customizer.withDefaults())
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(matcher,
                        new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY)));
    }

    /**
     * The headers of the pages built with Vue from its WebJar (the workbench, the residents' pages): nosniff, no
     * framing, and the policy above with two differences. Vue compiles the pages' own templates in the browser (no
     * Node build), which takes {@code 'unsafe-eval'}; the templates are the static files themselves and every value
     * from the API is shown as text, never compiled. Images may also come from {@code imageSources} (a tile server,
     * trusted photo servers, {@code blob:}); blank ones are left out.
     */
    public static Customizer<HeadersConfigurer<HttpSecurity>> forVuePages(String... imageSources) {
        String policy = vuePagesPolicy(imageSources);
        return headers -> headers
                .contentTypeOptions(Customizer.withDefaults())
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .contentSecurityPolicy(csp -> csp.policyDirectives(policy));
    }

    /** The Content-Security-Policy of {@link #forVuePages}. */
    public static String vuePagesPolicy(String... imageSources) {
        String images = Arrays.stream(imageSources).filter(source -> source != null && !source.isBlank())
                .map(String::trim).map(source -> " " + source).collect(Collectors.joining());
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self' 'unsafe-eval'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data:" + images,
                "connect-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "frame-ancestors 'none'");
    }

    /**
     * The image source of a map tile server (gridcase.map.tile-url) for the policy: its scheme and host, its
     * {@code {s}} subdomain placeholder a wildcard; empty for none.
     */
    public static String tileServer(String tileUrl) {
        if (tileUrl == null || tileUrl.isBlank()) {
            return "";
        }
        URI uri = URI.create(tileUrl.replace("{s}", "x").replaceAll("\\{[a-z]+}", "0"));
        String host = tileUrl.contains("://{s}.") ? "*." + uri.getHost().substring(2) : uri.getHost();
        return uri.getScheme() + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    /** Requests to any of these paths (PathPattern syntax). */
    static RequestMatcher matching(String... paths) {
        PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(Arrays.stream(paths).map(path -> (RequestMatcher) builder.matcher(path)).toList());
    }
}
