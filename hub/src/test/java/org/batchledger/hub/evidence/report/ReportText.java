package org.batchledger.hub.evidence.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** A rendered report read back with PDFBox's text extraction: its text, and where every glyph landed. */
public record ReportText(String text, int pages, List<Glyph> glyphs) {

    /** One glyph's page (from 1) and horizontal extent. */
    record Glyph(int page, String unicode, float left, float right, float pageWidth) {
    }

    public static ReportText of(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<Glyph> glyphs = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String s, List<TextPosition> positions) throws IOException {
                    for (TextPosition p : positions) {
                        glyphs.add(new Glyph(getCurrentPageNo(), p.getUnicode(), p.getXDirAdj(),
                                p.getXDirAdj() + p.getWidthDirAdj(), p.getPageWidth()));
                    }
                    super.writeString(s, positions);
                }
            };
            stripper.setSortByPosition(true);
            return new ReportText(stripper.getText(doc), doc.getNumberOfPages(), glyphs);
        }
    }

    /** The text with line breaks removed, to find what wrapping split across lines. */
    String joined() {
        return text.replaceAll("\\R", "");
    }

    /** The text with every run of white space (line breaks from word wrap included) as one space. */
    public String flat() {
        return text.replaceAll("\\s+", " ");
    }

    /** How often {@code s} occurs in {@link #flat()}. */
    int count(String s) {
        String flat = flat();
        int n = 0;
        for (int i = flat.indexOf(s); i >= 0; i = flat.indexOf(s, i + 1)) {
            n++;
        }
        return n;
    }
}
