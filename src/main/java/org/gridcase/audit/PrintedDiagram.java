package org.gridcase.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The replay's diagram sized for the report's landscape pages: as large as a page allows (A4 across, less the
 * margins and the heading), keeping its proportions. A diagram much wider than the page (GridReportProcess is about
 * four times as wide as high) is cut into side-by-side parts, a page each with a little overlap, so that its labels
 * print at a size that can be read: whole on one sheet they would be about 5 pt. Sizes are CSS pixels, 96 to the
 * inch, as openhtmltopdf counts them.
 */
final class PrintedDiagram {

    static final double WIDTH = 277 / 25.4 * 96;  // 297 mm less 2 × 10 mm margins
    static final double HEIGHT = 170 / 25.4 * 96; // 210 mm less the margins, the heading and the page number
    private static final double OVERLAP = 0.04;    // of the whole width, shown on both pages of a cut

    private static final Pattern SIZE = Pattern.compile(
            "viewBox=\"([-0-9.]+) ([-0-9.]+) ([0-9.]+) ([0-9.]+)\" width=\"[0-9.]+\" height=\"[0-9.]+\"");

    private PrintedDiagram() {
    }

    /** The diagram as one or more page-sized pictures, left to right. */
    static List<String> pages(String svg) {
        Matcher size = SIZE.matcher(svg);
        if (!size.find()) {
            return List.of(svg);
        }
        double x = Double.parseDouble(size.group(1));
        double y = Double.parseDouble(size.group(2));
        double width = Double.parseDouble(size.group(3));
        double height = Double.parseDouble(size.group(4));
        int parts = Math.max(1, (int) Math.floor((width / height) / (WIDTH / HEIGHT)));
        List<String> pages = new ArrayList<>();
        for (int part = 0; part < parts; part++) {
            double from = Math.max(x, x + part * width / parts - (part == 0 ? 0 : OVERLAP * width));
            double to = Math.min(x + width, x + (part + 1) * width / parts + (part == parts - 1 ? 0 : OVERLAP * width));
            double scale = Math.min(WIDTH / (to - from), HEIGHT / height);
            pages.add(svg.substring(0, size.start()) + String.format(Locale.ROOT,
                    "viewBox=\"%.1f %.1f %.1f %.1f\" width=\"%.0f\" height=\"%.0f\"", from, y, to - from, height,
                    (to - from) * scale, height * scale) + svg.substring(size.end()));
        }
        return pages;
    }
}
