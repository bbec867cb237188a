package org.gridcase.casework;

/** How a report came in. */
public enum Channel {
    GRID_WORKER("网格员上报"),
    RESIDENT_APP("居民随手拍"),
    HOTLINE_12345("12345 热线"),
    MOBILE_GRID_WORKER("流动网格员"),
    OPEN311("第三方应用（Open311）");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
