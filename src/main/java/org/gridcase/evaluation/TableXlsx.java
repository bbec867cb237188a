package org.gridcase.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An {@link ExportTable} as an Excel workbook (Apache POI): one sheet named after the table, the header row bold
 * and frozen, counts and numbers as numeric cells, rates as percentage cells (99.65 stored as 0.9965, shown
 * 99.65%), times as date cells. Text is always a string cell, which Excel never evaluates, so nothing a request
 * sent can become a formula here.
 */
final class TableXlsx {

    private static final int MAX_WIDTH = 60;

    private TableXlsx() {
    }

    static byte[] write(ExportTable table) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(table.title()));
            Map<ExportTable.Type, CellStyle> styles = styles(book);
            CellStyle header = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            Row head = sheet.createRow(0);
            List<ExportTable.Column> columns = table.columns();
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = head.createCell(i);
                cell.setCellValue(columns.get(i).header());
                cell.setCellStyle(header);
                // a Chinese character is about two widths of a digit; autoSizeColumn would need the fonts of AWT
                int chars = Math.max(8, Math.min(MAX_WIDTH, columns.get(i).header().length() * 2 + 2));
                sheet.setColumnWidth(i, chars * 256);
            }
            sheet.createFreezePane(0, 1);
            for (int r = 0; r < table.rows().size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = table.rows().get(r);
                for (int i = 0; i < values.size(); i++) {
                    set(row.createCell(i), columns.get(i).type(), values.get(i), styles);
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + table.title() + " as a workbook", e);
        }
    }

    private static void set(Cell cell, ExportTable.Type type, Object value, Map<ExportTable.Type, CellStyle> styles) {
        if (value == null) {
            return; // an empty cell: no sample, never a made-up zero
        }
        if (value instanceof Number number) {
            double n = number.doubleValue();
            cell.setCellValue(type == ExportTable.Type.PERCENT ? n / 100 : n);
            cell.setCellStyle(styles.get(type));
        } else if (value instanceof LocalDateTime time) {
            cell.setCellValue(time);
            cell.setCellStyle(styles.get(ExportTable.Type.TIME));
        } else {
            cell.setCellValue(value.toString());
        }
    }

    private static Map<ExportTable.Type, CellStyle> styles(XSSFWorkbook book) {
        Map<ExportTable.Type, CellStyle> styles = new EnumMap<>(ExportTable.Type.class);
        Map<ExportTable.Type, String> formats = Map.of(ExportTable.Type.COUNT, "0", ExportTable.Type.NUMBER, "0.00",
                ExportTable.Type.PERCENT, "0.00%", ExportTable.Type.TIME, "yyyy-mm-dd hh:mm",
                ExportTable.Type.TEXT, "General");
        formats.forEach((type, format) -> {
            CellStyle style = book.createCellStyle();
            style.setDataFormat(book.createDataFormat().getFormat(format));
            styles.put(type, style);
        });
        return styles;
    }
}
