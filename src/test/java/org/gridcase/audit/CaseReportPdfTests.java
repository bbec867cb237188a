package org.gridcase.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The report's font comes with gridcase, and its Chinese reads back as written. */
class CaseReportPdfTests {

    static final String WRITTEN = "工单审计报告 人民 日期 土门街道 大队 水电";

    @Test
    void theBundledFontWritesIdeographsThatReadBackAsIdeographsNotAsTheirRadicals() throws IOException {
        byte[] pdf = written(WRITTEN);
        assertThat(text(pdf)).as("PDFBox names a shared glyph by its lowest code point, a Kangxi radical")
                .isNotEqualTo(WRITTEN);

        assertThat(text(SearchableCjkText.of(pdf))).isEqualTo(WRITTEN);
    }

    @Test
    void theFontIsShownWithoutGlyphSubstitutionsWhichTookAFifthOfAReport() throws IOException {
        try (TrueTypeFont font = CjkPdf.reportFont()) {
            assertThat(font.getGsub()).as("Noto Sans SC has a substitution table").isNotNull();
            assertThat(font.isEnableGsub()).as("PDFBox would apply it to every string shown").isFalse();
        }
    }

    private static byte[] written(String text) throws IOException {
        try (PDDocument document = new PDDocument(); InputStream font =
                CaseReportPdf.class.getResourceAsStream(CjkPdf.FONT)) {
            assertThat(font).as("Noto Sans SC on the classpath").isNotNull();
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(PDType0Font.load(document, font), 12);
                content.newLineAtOffset(50, 700);
                content.showText(text);
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).strip();
        }
    }
}
