package org.gridcase.resident;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/** The addresses residents are given: the tracking page and the report page, on the configured public address. */
@Component
class ResidentLinks {

    private final ResidentSettings settings;

    ResidentLinks(ResidentSettings settings) {
        this.settings = settings;
    }

    String trackingPage(String caseNumber, String token) {
        return base().path("/m/cases/{caseNumber}").queryParam("token", token).buildAndExpand(caseNumber)
                .toUriString();
    }

    String reportPage(String gridCode) {
        return base().path("/m/report").queryParam("grid", gridCode).build().toUriString();
    }

    private UriComponentsBuilder base() {
        String configured = settings.publicBaseUrl();
        return configured == null || configured.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath()
                : UriComponentsBuilder.fromUriString(configured.replaceAll("/+$", ""));
    }
}
