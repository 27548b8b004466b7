package org.batchledger.hub.evidence.report;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Flowing text on A4 pages: wraps to the width (long words such as hashes break anywhere), starts a new page when
 * full, and writes the page footers once the page count is known. One embedded font, Liberation Sans Regular, read
 * from the PDFBox jar (SIL Open Font License 1.1, see PDFBox's META-INF/LICENSE); bold is the font stroked as well as
 * filled, which PDF/A allows, so no second font file is needed.
 */
final class PageWriter implements AutoCloseable {
    static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN = 42;
    private static final float FOOTER = 24;
    private static final float LEADING = 1.28f;

    /** How a run of text looks; wrapped lines after a paragraph's first are indented by {@code hang} more. */
    record Style(float size, float indent, float hang, boolean bold, Color color, Color band) {
        Style indented(float more) {
            return new Style(size, indent + more, hang, bold, color, band);
        }
    }

    private final PDDocument doc;
    private final PDType0Font font;
    private final Map<Integer, Float> widths = new HashMap<>();
    private final Map<Integer, Boolean> encodable = new HashMap<>();
    private PDPageContentStream out;
    private float y;

    PageWriter(PDDocument doc) throws IOException {
        this.doc = doc;
        try (InputStream in = PageWriter.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("font " + FONT + " is not on the class path (it ships in the PDFBox jar)");
            }
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
            // No glyph substitution: every character is its own glyph (no "fi" ligature to confuse a search for a
            // key), and PDFBox's Latin GSUB pass compiles a pattern per showText, which made long reports slow.
            ttf.setEnableGsub(false);
            doc.registerTrueTypeFontForClosing(ttf);
            this.font = PDType0Font.load(doc, ttf, true);
        }
        newPage();
    }

    /** Writes {@code s} (its own line breaks kept) wrapped to the page width. */
    void text(String s, Style st) throws IOException {
        float width = PAGE.getWidth() - 2 * MARGIN - st.indent() - st.hang();
        for (String paragraph : s.split("\\R", -1)) {
            List<String> lines = wrap(printable(paragraph), st.size(), width);
            for (int i = 0; i < lines.size(); i++) {
                line(lines.get(i), i == 0 ? st : st.indented(st.hang()));
            }
        }
    }

    /** Starts a new page unless {@code points} of height are left, so a heading is not left alone at the bottom. */
    void keep(float points) throws IOException {
        if (y - points < MARGIN + FOOTER) {
            newPage();
        }
    }

    void gap(float points) {
        y -= points;
    }

    static float lineHeight(Style st) {
        return st.size() * LEADING;
    }

    private void line(String line, Style st) throws IOException {
        float h = lineHeight(st);
        keep(h);
        y -= h;
        if (st.band() != null) {
            out.setNonStrokingColor(st.band());
            out.addRect(MARGIN + st.indent() - 3, y - st.size() * 0.3f, PAGE.getWidth() - 2 * MARGIN - st.indent() + 6, h);
            out.fill();
        }
        out.beginText();
        out.setFont(font, st.size());
        out.setNonStrokingColor(st.color());
        if (st.bold()) {
            out.setStrokingColor(st.color());
            out.setLineWidth(st.size() / 30);
            out.setRenderingMode(RenderingMode.FILL_STROKE);
        }
        out.newLineAtOffset(MARGIN + st.indent(), y);
        out.showText(line);
        if (st.bold()) {
            out.setRenderingMode(RenderingMode.FILL);
        }
        out.endText();
    }

    /**
     * Greedy word wrap. A word wider than a whole line (a hash, a path, a blob) starts on the current line and is cut
     * where each line is full, so nothing runs past the margin.
     */
    private List<String> wrap(String s, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float used = 0;
        float space = width(' ') * size;
        for (String word : s.split(" ", -1)) {
            float w = width(word) * size;
            if (!line.isEmpty() && used + space + w > width && w <= width) {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
            }
            if (!line.isEmpty()) {
                line.append(' ');
                used += space;
            }
            if (used + w <= width) {
                line.append(word);
                used += w;
            } else {
                used = cut(word, size, width, lines, line, used);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** Puts {@code word} on the current line and as many full lines as it needs; returns the last line's width. */
    private float cut(String word, float size, float width, List<String> lines, StringBuilder line, float used)
            throws IOException {
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            float w = width(cp) * size;
            if (used + w > width && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
            }
            line.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return used;
    }

    private float width(String s) throws IOException {
        float w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += width(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    /** Width of one glyph at size 1, cached: measuring whole strings again per candidate line is quadratic. */
    private float width(int cp) throws IOException {
        Float w = widths.get(cp);
        if (w == null) {
            w = font.getStringWidth(new String(Character.toChars(cp))) / 1000;
            widths.put(cp, w);
        }
        return w;
    }

    /** What the font cannot show is written as its code point ({@code [U+4E2D]}), so nothing is silently lost. */
    private String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\t') {
                b.append("    ");
            } else if (!Character.isISOControl(cp) && encodable.computeIfAbsent(cp, this::canEncode)) {
                b.appendCodePoint(cp);
            } else {
                b.append(String.format("[U+%04X]", cp));
            }
        });
        return b.toString();
    }

    private boolean canEncode(int cp) {
        try {
            font.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = PAGE.getHeight() - MARGIN;
    }

    /** Closes the last page and writes "page i of n" and {@code left} at the foot of every page. */
    void footers(String left) throws IOException {
        out.close();
        out = null;
        int n = doc.getNumberOfPages();
        Style st = new Style(7, 0, 0, false, Color.DARK_GRAY, null);
        String label = printable(left);
        for (int i = 0; i < n; i++) {
            try (PDPageContentStream foot = new PDPageContentStream(doc, doc.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true)) {
                String page = "Page " + (i + 1) + " of " + n;
                foot.beginText();
                foot.setFont(font, st.size());
                foot.setNonStrokingColor(st.color());
                foot.newLineAtOffset(MARGIN, MARGIN / 2);
                foot.showText(wrap(label, st.size(), PAGE.getWidth() - 2 * MARGIN - width(page) * st.size() - 20).get(0));
                foot.newLineAtOffset(PAGE.getWidth() - 2 * MARGIN - width(page) * st.size(), 0);
                foot.showText(page);
                foot.endText();
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
