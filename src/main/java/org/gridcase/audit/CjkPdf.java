package org.gridcase.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * XHTML to PDF with the case report's Chinese font, its text searchable and copyable ({@link SearchableCjkText}):
 * for every printed document gridcase makes (the case report, the monthly report, mediation's agreement), so that
 * they look and read the same. In the HTML, the font family is {@link #FONT_FAMILY}.
 */
public final class CjkPdf {

    public static final String FONT_FAMILY = "GridcaseReport";
    /**
     * Noto Sans SC as TrueType, from Maven Central like any dependency (ph-fonts-noto-sans-sc), embedded as the
     * subset a document uses: it prints the same on every machine, and none needs a Chinese font of its own
     * (PDFBox cannot embed the CFF outlines of the usual Noto CJK).
     */
    static final String FONT = "/fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";

    private CjkPdf() {
    }

    public static byte[] render(String xhtml) {
        return render("PDF", xhtml, builder -> {
        });
    }

    /**
     * {@code document}: what it is, for the log if it fails; {@code options}: what it adds to the builder (the case
     * report its diagrams' SVG drawer).
     */
    static byte[] render(String document, String xhtml, Consumer<PdfRendererBuilder> options) {
        try (PDDocument pages = new PDDocument(); TrueTypeFont font = reportFont();
                ByteArrayOutputStream pdf = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder().useFastMode().usePDDocument(pages)
                    .useFont(new PDFontSupplier(PDType0Font.load(pages, font, true)), FONT_FAMILY)
                    .withHtmlContent(xhtml, null).toStream(pdf);
            options.accept(builder);
            builder.run();
            return SearchableCjkText.of(pdf.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(document + " not rendered", e));
        }
    }

    /**
     * The font, its glyph substitutions off. PDFBox applies a font's GSUB table to every string it shows; for this
     * font it takes the Latin worker, which went through each line of the case report's Chinese looking for
     * ligatures: a fifth of the time a report took. The report's Chinese and Latin need none; the font's character
     * map draws them as written.
     */
    static TrueTypeFont reportFont() throws IOException {
        try (InputStream bytes = CjkPdf.class.getResourceAsStream(FONT)) {
            if (bytes == null) {
                throw new IOException("The report font " + FONT + " is not on the classpath");
            }
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            font.setEnableGsub(false);
            return font;
        }
    }
}
