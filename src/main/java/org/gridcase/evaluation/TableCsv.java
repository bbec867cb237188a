package org.gridcase.evaluation;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * An {@link ExportTable} as CSV (RFC 4180, quoting by Jackson's CSV writer, as the audit timeline's), UTF-8 with a
 * byte-order mark so that Excel reads the Chinese as such. Numbers plainly (99.65, never 9.965E1), rates in per
 * cent as the header says, times as {@code yyyy-MM-dd HH:mm} in the district's time.
 *
 * <p>Formula injection: a text cell that a spreadsheet would take for a formula (starting with = + - @, a tab or
 * a carriage return, OWASP's list) is written with a leading apostrophe, so it opens as the text it is. Only text
 * cells: numbers are ours, never a request's.
 */
final class TableCsv {

    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final CsvMapper MAPPER = new CsvMapper();

    private TableCsv() {
    }

    static byte[] write(ExportTable table) {
        StringWriter out = new StringWriter();
        CsvSchema schema = CsvSchema.emptySchema().withLineSeparator("\r\n");
        try (SequenceWriter rows = MAPPER.writerFor(String[].class).with(schema).writeValues(out)) {
            rows.write(table.columns().stream().map(c -> neutralised(c.header())).toArray(String[]::new));
            for (List<Object> row : table.rows()) {
                List<String> cells = new ArrayList<>(row.size());
                for (int i = 0; i < row.size(); i++) {
                    cells.add(cell(row.get(i)));
                }
                rows.write(cells.toArray(String[]::new));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + table.title() + " as CSV", e);
        }
        return (BYTE_ORDER_MARK + out).getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        if (value instanceof LocalDateTime time) {
            return TIME.format(time);
        }
        return neutralised(value.toString());
    }

    static String neutralised(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
