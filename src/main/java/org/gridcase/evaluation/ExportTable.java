package org.gridcase.evaluation;

import java.util.List;

/**
 * A table as it is exported: a title (the file's and the sheet's name), Chinese column headers, and rows of plain
 * values ({@link String}, {@link Number}, {@link java.time.LocalDateTime} in the district's time, or null for an
 * empty cell). {@link TableExport} writes it as CSV or XLSX; any endpoint that can describe its answer as one of
 * these exports with one line.
 */
record ExportTable(String title, List<Column> columns, List<List<Object>> rows) {

    ExportTable {
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("A row of " + row.size() + " cells under " + columns.size()
                        + " columns in " + title);
            }
        }
    }

    /** A column: its header and how its values are shown. */
    record Column(String header, Type type) {

        static Column text(String header) {
            return new Column(header, Type.TEXT);
        }

        static Column count(String header) {
            return new Column(header, Type.COUNT);
        }

        static Column number(String header) {
            return new Column(header, Type.NUMBER);
        }

        /** A rate given in per cent (99.65 for 99.65 %): a percentage cell in a workbook. */
        static Column percent(String header) {
            return new Column(header, Type.PERCENT);
        }

        static Column time(String header) {
            return new Column(header, Type.TIME);
        }
    }

    enum Type {
        TEXT, COUNT, NUMBER, PERCENT, TIME
    }
}
