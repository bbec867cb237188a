package org.gridcase.workbench;

import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The map's base layer: a tile server's URL template ({@code gridcase.map.tile-url}, e.g. 天地图 with its key, or a
 * tile server on the intranet), its attribution and subdomains. None by default: the pages then draw the grids on
 * a blank background, which needs no internet. The page headers allow images from the same server.
 */
@Component
class MapSettings {

    record View(String tileUrl, String attribution, List<String> subdomains, int maxZoom) {
    }

    private final View view;

    MapSettings(@Value("${gridcase.map.tile-url:}") String tileUrl,
            @Value("${gridcase.map.attribution:}") String attribution,
            @Value("${gridcase.map.subdomains:}") String subdomains,
            @Value("${gridcase.map.max-zoom:18}") int maxZoom) {
        this.view = new View(tileUrl.isBlank() ? null : tileUrl.trim(), attribution.isBlank() ? null : attribution,
                Arrays.stream(subdomains.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(), maxZoom);
    }

    View view() {
        return view;
    }
}
