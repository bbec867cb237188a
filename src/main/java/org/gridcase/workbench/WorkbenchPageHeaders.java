package org.gridcase.workbench;

import org.gridcase.security.PageHeaders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.stereotype.Component;

/**
 * The workbench pages' headers: those of every Vue page (PageHeaders.forVuePages), with images also from the
 * configured tile server ({@code gridcase.map.tile-url}, none by default: the grid is drawn on a blank background)
 * and the trusted photo servers (PhotoOrigins).
 */
@Component
class WorkbenchPageHeaders {

    private final String[] imageSources;

    WorkbenchPageHeaders(@Value("${gridcase.map.tile-url:}") String tileUrl, PhotoOrigins photos) {
        this.imageSources = new String[] {PageHeaders.tileServer(tileUrl), photos.policySources()};
    }

    Customizer<HeadersConfigurer<HttpSecurity>> customizer() {
        return PageHeaders.forVuePages(imageSources);
    }

    String policy() {
        return PageHeaders.vuePagesPolicy(imageSources);
    }
}
