package org.gridcase.resident;

import org.gridcase.security.PageHeaders;
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

    private final String tileServer;

    ResidentPageHeaders(@Value("${gridcase.map.tile-url:}") String tileUrl) {
        this.tileServer = PageHeaders.tileServer(tileUrl);
    }

    Customizer<HeadersConfigurer<HttpSecurity>> customizer() {
        return PageHeaders.forVuePages("blob:", tileServer);
    }
}
