package org.batchledger.validation.report;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;
import org.batchledger.validation.requirements.Clause;
import org.batchledger.validation.requirements.Requirement;
import org.batchledger.validation.results.TestRun;
import org.batchledger.validation.trace.Finding;
import org.batchledger.validation.trace.RequirementTrace;

/**
 * The report as PDF/A-2b: Liberation Sans (shipped inside the PDFBox jar, SIL OFL) embedded as a subset, the JDK's
 * sRGB profile as output intent, XMP metadata with the PDF/A identification. No dates and a document ID derived from
 * the inputs' digest, so the same inputs give the same bytes.
 */
public final class PdfReport {
    static final String TITLE = "Batch Ledger Hub validation report";
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 40;
    private static final PDRectangle PAGE = PDRectangle.A4;

    private final PDDocument doc;
    private final PDType0Font font;
    private final Map<Integer, Boolean> encodable = new HashMap<>();
    private PDPageContentStream out;
    private float y;

    private PdfReport(PDDocument doc) throws IOException {
        this.doc = doc;
        try (InputStream ttf = PdfReport.class.getResourceAsStream(FONT)) {
            if (ttf == null) {
                throw new IllegalStateException("font " + FONT + " not on the class path (PDFBox jar)");
            }
            this.font = PDType0Font.load(doc, ttf, true);
        }
    }

    public static byte[] render(ReportModel m) {
        try (PDDocument doc = new PDDocument()) {
            PdfReport r = new PdfReport(doc);
            r.newPage();
            r.write(m);
            r.out.close();
            r.archival(m);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes, CompressParameters.NO_COMPRESSION);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF report", e);
        }
    }

    private void write(ReportModel m) throws IOException {
        text(TITLE, 16, 0);
        gap(6);
        text("Gate: " + (m.gateHolds() ? "holds" : "FAILS, " + m.findings().size() + " finding(s)"), 10, 0);
        text("Commit: " + m.environment().commit() + "   uncommitted changes: " + m.environment().dirty(), 9, 0);
        for (Map.Entry<String, String> e : m.environment().facts().entrySet()) {
            text(e.getKey() + ": " + e.getValue(), 9, 0);
        }
        text("Test runs read: " + m.testRuns() + "   SHA-256 of the input listing: " + m.inputsDigest(), 9, 0);
        if (!m.findings().isEmpty()) {
            heading("Gate findings");
            for (Finding f : m.findings()) {
                text(f.toString(), 8, 0);
            }
        }
        heading("Requirements -> tests -> results");
        for (RequirementTrace t : m.traces()) {
            Requirement r = t.requirement();
            gap(3);
            text(r.id() + "   risk " + r.risk().text() + "   " + t.verdict().text().toUpperCase(java.util.Locale.ROOT)
                    + "   " + r.where(), 9, 0);
            text(r.statement(), 8, 10);
            text("Clauses: " + String.join("; ", r.clauses()), 7, 10);
            r.rationale().ifPresent(x -> uncheckedText("Rationale: " + x, 7, 10));
            if (!t.tests().isEmpty()) {
                text(t.passed() + " passed, " + t.failed() + " failed, " + t.notRun() + " not run", 7, 10);
            }
            t.tests().forEach(run -> uncheckedText(run.outcome() + "  " + run.label() + "  (" + run.module() + ", "
                    + run.plugin() + ")", 7, 20));
        }
        heading("Clause matrix");
        Map<String, RequirementTrace> byId = m.byId();
        for (Clause c : m.clauses()) {
            gap(3);
            text(c.clause() + " - " + c.topic(), 9, 0);
            String reqs = c.requirements().stream().map(id -> id + " (" + byId.get(id).verdict().text() + ", "
                    + byId.get(id).passed() + " passing" + passingClasses(byId.get(id)) + ")")
                    .collect(Collectors.joining("; "));
            text("Requirements: " + (reqs.isEmpty() ? "none" : reqs), 7, 10);
            c.userProcedures().ifPresent(u -> uncheckedText("Left to the user's procedures: " + u, 7, 10));
        }
        heading("ALCOA+ principles");
        for (Map.Entry<String, List<String>> e : m.alcoa().entrySet()) {
            text(e.getKey() + ": " + e.getValue().stream().map(id -> id + " (" + byId.get(id).verdict().text() + ")")
                    .collect(Collectors.joining(", ")), 7, 0);
        }
        heading("Inputs (SHA-256)");
        for (Input i : m.inputs()) {
            text(i.sha256() + "  " + i.path(), 6.5f, 0);
        }
    }

    private static String passingClasses(RequirementTrace t) {
        String classes = t.tests().stream().filter(run -> run.outcome().passed()).map(TestRun::simpleClassName)
                .distinct().sorted().collect(Collectors.joining(" "));
        return classes.isEmpty() ? "" : ": " + classes;
    }

    private void heading(String s) throws IOException {
        gap(8);
        text(s, 12, 0);
        gap(2);
    }

    private void uncheckedText(String s, float size, float indent) {
        try {
            text(s, size, indent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code s} wrapped at word boundaries to the page width, starting a new page when full. */
    private void text(String s, float size, float indent) throws IOException {
        float width = PAGE.getWidth() - 2 * MARGIN - indent;
        for (String line : wrap(printable(s), size, width)) {
            if (y - size * 1.3f < MARGIN) {
                out.close();
                newPage();
            }
            y -= size * 1.3f;
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(MARGIN + indent, y);
            out.showText(line);
            out.endText();
        }
    }

    private List<String> wrap(String s, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** Replaces what the embedded font cannot show (and control characters) by '?'. */
    private String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> {
            boolean ok = !Character.isISOControl(cp) && encodable.computeIfAbsent(cp, this::canEncode);
            b.append(ok ? new String(Character.toChars(cp)) : Character.isWhitespace(cp) ? " " : "?");
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

    private void gap(float points) {
        y -= points;
    }

    private void newPage() throws IOException {
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = PAGE.getHeight() - MARGIN;
    }

    /** PDF/A-2b: XMP identification, title in both Info and XMP, sRGB output intent, a fixed document ID. */
    private void archival(ReportModel m) throws IOException {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(TITLE);
        try {
            XMPMetadata xmp = XMPMetadata.createXMPMetadata();
            DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
            dc.setTitle(TITLE);
            PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
            id.setPart(2);
            id.setConformance("B");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, bytes, true);
            PDMetadata metadata = new PDMetadata(doc);
            metadata.importXMPMetadata(bytes.toByteArray());
            doc.getDocumentCatalog().setMetadata(metadata);
        } catch (BadFieldValueException | TransformerException e) {
            throw new IllegalStateException("cannot build the XMP metadata", e);
        }
        byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(icc));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        doc.getDocumentCatalog().addOutputIntent(intent);
        byte[] docId = Arrays.copyOf(java.util.HexFormat.of().parseHex(m.inputsDigest()), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(docId));
        ids.add(new COSString(docId));
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
    }
}
