package org.gridcase.security;

import java.util.Arrays;

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

    /** Requests to any of these paths (PathPattern syntax). */
    static RequestMatcher matching(String... paths) {
        PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(Arrays.stream(paths).map(path -> (RequestMatcher) builder.matcher(path)).toList());
    }
}
