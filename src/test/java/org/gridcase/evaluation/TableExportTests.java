package org.gridcase.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gridcase.evaluation.ExportTable.Column;
import org.gridcase.system.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** The generic export on its own: quoting, formula injection, cell types, the file name, the format parameter. */
class TableExportTests {

    static final ExportTable TABLE = new ExportTable("测试/表格", List.of(Column.text("名称"), Column.count("件数"),
            Column.percent("办结率（%）"), Column.time("受理时间")), List.of(
                    Arrays.asList("=HYPERLINK(\"http://x\",\"点我\")", 3, 99.65, LocalDateTime.of(2021, 3, 1, 9, 5)),
                    Arrays.asList("逗号,引号\"和\n换行", 0, null, null),
                    Arrays.asList("@SUM(A1)", 12, 100.0, null),
                    Arrays.asList("-1+2", 1, 0.5, null)));

    @Test
    void writesCsvThatAParserReadsBackWithFormulasNeutralised() throws Exception {
        byte[] csv = TableCsv.write(TABLE);

        assertThat(Arrays.copyOf(csv, 3)).as("UTF-8 byte-order mark").containsExactly(0xEF, 0xBB, 0xBF);
        List<String[]> rows = parse(csv);
        assertThat(rows.get(0)).containsExactly("名称", "件数", "办结率（%）", "受理时间");
        assertThat(rows.get(1)).containsExactly("'=HYPERLINK(\"http://x\",\"点我\")", "3", "99.65", "2021-03-01 09:05");
        assertThat(rows.get(2)).containsExactly("逗号,引号\"和\n换行", "0", "", "");
        assertThat(rows.get(3)[0]).isEqualTo("'@SUM(A1)");
        assertThat(rows.get(3)[2]).as("no trailing zeros, no exponent").isEqualTo("100");
        assertThat(rows.get(4)[0]).isEqualTo("'-1+2");
    }

    @Test
    void writesAWorkbookWithNumbersAsNumbersRatesAsPercentagesAndTheHeaderFrozen() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(TableXlsx.write(TABLE)))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("测试 表格");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getRow(1).getCell(0).getCellType()).as("text, never a formula").isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).startsWith("=HYPERLINK");
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(3);
            assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(0.9965);
            assertThat(sheet.getRow(1).getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(sheet.getRow(1).getCell(3).getLocalDateTimeCellValue())
                    .isEqualTo(LocalDateTime.of(2021, 3, 1, 9, 5));
            assertThat(sheet.getRow(2).getCell(2).getCellType()).as("no sample: an empty cell, not zero")
                    .isEqualTo(CellType.BLANK);
        }
    }

    @Test
    void namesTheFileInChineseAsRfc5987Says() {
        String header = TableExport.disposition("考核分项_按街道_2021-03-01至2021-03-31", "csv");

        assertThat(header).startsWith("attachment;").contains("filename*=UTF-8''");
        String encoded = header.substring(header.indexOf("UTF-8''") + 7).replace("\"", "");
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8))
                .isEqualTo("考核分项_按街道_2021-03-01至2021-03-31.csv");
    }

    @Test
    void refusesAnUnknownFormatNamingTheField() {
        assertThat(TableExport.format(null)).isEqualTo(TableExport.Format.JSON);
        assertThat(TableExport.format("XLSX")).isEqualTo(TableExport.Format.XLSX);
        assertThatThrownBy(() -> TableExport.format("pdf")).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("format:").hasMessageContaining("导出格式");
    }

    static List<String[]> parse(byte[] csv) throws Exception {
        String text = new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "");
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<String[]> rows = mapper.readerFor(String[].class).readValues(text)) {
            return rows.readAll();
        }
    }
}
