package org.gridcase.audit;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The replay's diagram sized for the report's landscape page: as large as the page allows (A4 across, less the
 * margins and the heading), keeping its proportions. Drawn at its own size it would take a third of the sheet and
 * its labels could not be read on paper. Sizes are CSS pixels, 96 to the inch, as openhtmltopdf counts them.
 */
final class PrintedDiagram {

    static final double WIDTH = 277 / 25.4 * 96;  // 297 mm less 2 × 10 mm margins
    static final double HEIGHT = 175 / 25.4 * 96; // 210 mm less the margins, the heading and the page number

    private static final Pattern SIZE = Pattern.compile("width=\"([0-9.]+)\" height=\"([0-9.]+)\"");

    private PrintedDiagram() {
    }

    static String of(String svg) {
        Matcher size = SIZE.matcher(svg);
        if (!size.find()) {
            return svg;
        }
        double width = Double.parseDouble(size.group(1));
        double height = Double.parseDouble(size.group(2));
        double scale = Math.min(WIDTH / width, HEIGHT / height);
        return svg.substring(0, size.start()) + String.format(Locale.ROOT, "width=\"%.0f\" height=\"%.0f\"",
                width * scale, height * scale) + svg.substring(size.end());
    }
}
