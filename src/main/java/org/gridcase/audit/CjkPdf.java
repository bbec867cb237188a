package org.gridcase.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * XHTML to PDF with the case report's Chinese font, its text searchable and copyable ({@link SearchableCjkText}):
 * for other modules' printed documents (mediation's agreement), so that every PDF gridcase makes looks and reads
 * the same. In the HTML, the font family is {@link #FONT_FAMILY}.
 */
public final class CjkPdf {

    public static final String FONT_FAMILY = "GridcaseReport";

    private CjkPdf() {
    }

    public static byte[] render(String xhtml) {
        try (ByteArrayOutputStream pdf = new ByteArrayOutputStream()) {
            new PdfRendererBuilder().useFastMode()
                    .useFont(() -> CjkPdf.class.getResourceAsStream(CaseReportPdf.FONT), FONT_FAMILY)
                    .withHtmlContent(xhtml, null).toStream(pdf).run();
            return SearchableCjkText.of(pdf.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("PDF not rendered", e);
        }
    }
}
