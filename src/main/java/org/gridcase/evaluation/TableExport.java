package org.gridcase.evaluation;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;

import org.gridcase.system.InvalidRequestException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The {@code format} parameter of every evaluation table: absent or {@code json} answers the JSON as always,
 * {@code csv} and {@code xlsx} the same answer (same scope, same filters: it is computed first, exactly as for
 * JSON) as a file named after the table in Chinese. A new table endpoint exports by returning
 * {@code TableExport.answer(format, body, SomeTables::table)}.
 */
final class TableExport {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final String FORMATS = "导出格式只能是 csv 或 xlsx（不填为 JSON）";

    private TableExport() {
    }

    static <T> ResponseEntity<Object> answer(String format, T body, Function<T, ExportTable> table) {
        Format chosen = format(format);
        if (chosen == Format.JSON) {
            return ResponseEntity.ok(body);
        }
        ExportTable export = table.apply(body);
        byte[] file = chosen == Format.CSV ? TableCsv.write(export) : TableXlsx.write(export);
        return ResponseEntity.ok().contentType(chosen == Format.CSV ? CSV : XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(export.title(), chosen.extension))
                .body(file);
    }

    /** Checked before any work: a wrong value is a 400 naming the field. */
    static Format format(String format) {
        if (format == null || format.isBlank()) {
            return Format.JSON;
        }
        try {
            return Format.valueOf(format.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("format", FORMATS);
        }
    }

    /**
     * {@code attachment; filename*=UTF-8''…} (RFC 5987/6266): the Chinese name, percent-encoded, which every
     * current browser reads; characters a file system refuses become underscores.
     */
    static String disposition(String title, String extension) {
        String name = title.replaceAll("[\\\\/:*?\"<>|\\s]+", "_") + "." + extension;
        return ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString();
    }

    enum Format {
        JSON(null), CSV("csv"), XLSX("xlsx");

        final String extension;

        Format(String extension) {
            this.extension = extension;
        }
    }
}
