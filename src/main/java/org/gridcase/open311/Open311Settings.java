package org.gridcase.open311;

import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** gridcase.open311.* and the district's time zone, in which GeoReport's timestamps are written. */
@Component
class Open311Settings {

    private final String jurisdictionId;
    private final String contact;
    private final String keyService;
    private final ZoneId zone;

    Open311Settings(@Value("${gridcase.open311.jurisdiction-id:610104}") String jurisdictionId,
            @Value("${gridcase.open311.contact:}") String contact,
            @Value("${gridcase.open311.key-service:}") String keyService,
            @Value("${gridcase.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.jurisdictionId = jurisdictionId;
        this.contact = contact;
        this.keyService = keyService;
        this.zone = zone;
    }

    String jurisdictionId() {
        return jurisdictionId;
    }

    String contact() {
        return contact;
    }

    String keyService() {
        return keyService;
    }

    ZoneId zone() {
        return zone;
    }
}
