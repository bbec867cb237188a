package org.gridcase.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.fontbox.cmap.CMap;
import org.apache.fontbox.cmap.CMapParser;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * Makes the report's Chinese searchable and copyable as it was written. Noto Sans SC draws some of the commonest
 * ideographs with the same glyph as their Kangxi radical (工 and ⼯, 人 and ⼈, 日 and ⽇), and PDFBox, writing down
 * which character each glyph stands for (the font's ToUnicode map), names the lowest code point the glyph has: the
 * radical. The page looks right, but a search for 工单 finds nothing and a copied line is full of radicals. Each
 * font's map is written again: a glyph named by a radical is named by the ideograph the report's font draws with
 * the same glyph (the font's own character map says which), else by the radical's Unicode compatibility form.
 */
final class SearchableCjkText {

    private static final int MAPPINGS_PER_BLOCK = 100; // the most a bfchar block may hold

    /** The report font's character map, read once: which characters each of its glyphs draws. */
    private static final class ReportFont {
        static final CmapLookup CHARACTERS = load();

        private static CmapLookup load() {
            try (TrueTypeFont parsed = CjkPdf.reportFont()) {
                return parsed.getUnicodeCmapLookup();
            } catch (IOException e) {
                throw new UncheckedIOException("The report font " + CjkPdf.FONT + " cannot be read", e);
            }
        }
    }

    private SearchableCjkText() {
    }

    static byte[] of(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Set<COSDictionary> seen = new HashSet<>();
            boolean changed = false;
            for (PDPage page : document.getPages()) {
                changed |= rewriteFonts(document, page.getResources(), seen);
            }
            if (!changed) {
                return pdf;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static boolean rewriteFonts(PDDocument document, PDResources resources, Set<COSDictionary> seen)
            throws IOException {
        if (resources == null) {
            return false;
        }
        boolean changed = false;
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            if (font instanceof PDType0Font type0 && seen.add(type0.getCOSObject())) {
                changed |= rewrite(document, type0);
            }
        }
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDFormXObject form) {
                changed |= rewriteFonts(document, form.getResources(), seen);
            }
        }
        return changed;
    }

    private static boolean rewrite(PDDocument document, PDType0Font font) throws IOException {
        if (font.getCOSObject().getCOSStream(COSName.TO_UNICODE) == null
                || !(font.getDescendantFont() instanceof PDCIDFontType2)) {
            return false;
        }
        List<String> mappings = new ArrayList<>();
        boolean radicals = false;
        // the font's ToUnicode map read as it stands: PDType0Font.toUnicode would log a warning for every code of
        // the 65,536 that the subset does not use
        CMap toUnicode;
        try (InputStream in = font.getCOSObject().getCOSStream(COSName.TO_UNICODE).createInputStream()) {
            toUnicode = new CMapParser().parse(new RandomAccessReadBuffer(in));
        }
        // Identity-H: a code is a CID, two bytes, the glyph's number in the whole font (the subset keeps it)
        for (int code = 0; code <= 0xFFFF; code++) {
            String text = toUnicode.toUnicode(code, 2);
            if (text != null) {
                String ideographs = ideographs(code, text);
                radicals |= !ideographs.equals(text);
                mappings.add("<%04X> <%s>".formatted(code, utf16Hex(ideographs)));
            }
        }
        if (!radicals) {
            return false;
        }
        COSStream stream = document.getDocument().createCOSStream();
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(cmap(mappings).getBytes(StandardCharsets.US_ASCII));
        }
        font.getCOSObject().setItem(COSName.TO_UNICODE, stream);
        return true;
    }

    /** A radical as the ideograph of the same glyph ({@code code} is the glyph's number); all else as it is. */
    private static String ideographs(int code, String text) {
        if (text.codePoints().noneMatch(SearchableCjkText::isRadical)) {
            return text;
        }
        List<Integer> drawn = ReportFont.CHARACTERS.getCharCodes(code);
        if (drawn != null) {
            for (int c : drawn) {
                if (isIdeograph(c)) {
                    return Character.toString(c);
                }
            }
        }
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    private static boolean isRadical(int c) {
        return (c >= 0x2E80 && c <= 0x2EFF) || (c >= 0x2F00 && c <= 0x2FDF);
    }

    private static boolean isIdeograph(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || c >= 0x20000;
    }

    private static String utf16Hex(String text) {
        StringBuilder hex = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_16BE)) {
            hex.append("%02X".formatted(b));
        }
        return hex.toString();
    }

    private static String cmap(List<String> mappings) {
        StringBuilder cmap = new StringBuilder("""
                /CIDInit /ProcSet findresource begin
                12 dict begin
                begincmap
                /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
                /CMapName /Adobe-Identity-UCS def
                /CMapType 2 def
                1 begincodespacerange
                <0000> <FFFF>
                endcodespacerange
                """);
        for (int from = 0; from < mappings.size(); from += MAPPINGS_PER_BLOCK) {
            List<String> block = mappings.subList(from, Math.min(mappings.size(), from + MAPPINGS_PER_BLOCK));
            cmap.append(block.size()).append(" beginbfchar\n");
            block.forEach(mapping -> cmap.append(mapping).append('\n'));
            cmap.append("endbfchar\n");
        }
        return cmap.append("""
                endcmap
                CMapName currentdict /CMap defineresource pop
                end
                end
                """).toString();
    }
}
