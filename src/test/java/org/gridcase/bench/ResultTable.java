package org.gridcase.bench;

import java.util.ArrayList;
import java.util.List;

/** The closing table: each figure with its anchor, their ratio, the target and whether it is met. */
final class ResultTable {

    record Row(String figure, String gridcase, String anchor, String ratio, String target, String met) {
    }

    private static final Row HEADER = new Row("figure", "gridcase", "anchor", "ratio", "target", "met");

    private final List<Row> rows = new ArrayList<>();

    /** A throughput: higher is better, the target is a least ratio to the anchor. */
    void ratio(String figure, double gridcase, double anchor, String unit, double leastRatio) {
        double ratio = gridcase / anchor;
        rows.add(new Row(figure, "%.1f %s".formatted(gridcase, unit), "%.1f %s".formatted(anchor, unit),
                "%.2f".formatted(ratio), "≥ %.1f×".formatted(leastRatio), ratio >= leastRatio ? "yes" : "NO"));
    }

    /** A cost with an upper bound of its own, and the anchor's for comparison. */
    void atMost(String figure, double gridcase, double anchor, String unit, double bound, String target) {
        rows.add(new Row(figure, "%.1f %s".formatted(gridcase, unit),
                Double.isNaN(anchor) ? "-" : "%.1f %s".formatted(anchor, unit),
                Double.isNaN(anchor) ? "-" : "%.2f".formatted(gridcase / anchor), target,
                gridcase <= bound ? "yes" : "NO"));
    }

    /** A query's p95, for information. */
    void latency(Latency latency) {
        rows.add(new Row(latency.query() + " p95", "%.1f ms".formatted(latency.p95Millis()), "-", "-", "-", "-"));
    }

    /**
     * The Tasklist's call against its target, under 300 ms at 50,000 of the street's tasks: judged only at that
     * size, since a smaller street says little about it.
     */
    void tasklistTarget(Latency latency, long streetTasks) {
        rows.add(new Row(latency.query() + " p95", "%.1f ms".formatted(latency.p95Millis()), "-", "-",
                "< 300 ms at 50k", streetTasks < 50_000 ? "n/a at " + streetTasks
                        : latency.p95Millis() < 300 ? "yes" : "NO"));
    }

    /** A figure printed for information, with no target. */
    void info(String figure, String gridcase, String anchor) {
        rows.add(new Row(figure, gridcase, anchor, "-", "-", "-"));
    }

    void print(BenchOutput out) {
        List<Row> all = new ArrayList<>(List.of(HEADER));
        all.addAll(rows);
        int[] widths = new int[6];
        for (Row row : all) {
            String[] cells = cells(row);
            for (int i = 0; i < cells.length; i++) {
                widths[i] = Math.max(widths[i], cells[i].length());
            }
        }
        for (Row row : all) {
            String[] cells = cells(row);
            StringBuilder line = new StringBuilder(pad(cells[0], widths[0], true));
            for (int i = 1; i < cells.length; i++) {
                line.append("  ").append(pad(cells[i], widths[i], false));
            }
            out.line(line.toString());
        }
    }

    private static String pad(String text, int width, boolean left) {
        String space = " ".repeat(width - text.length());
        return left ? text + space : space + text;
    }

    private static String[] cells(Row row) {
        return new String[] {row.figure(), row.gridcase(), row.anchor(), row.ratio(), row.target(), row.met()};
    }
}
