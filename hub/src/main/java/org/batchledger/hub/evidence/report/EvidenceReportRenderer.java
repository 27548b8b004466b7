package org.batchledger.hub.evidence.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Renders an {@link EvidenceReport} as PDF/A-3u with the manifest attached. The model is checked first, so bad input
 * fails with a {@link ReportInputException} and no bytes. The same model gives the same bytes (dates and the document
 * ID come from the model), so a package can be rebuilt and compared.
 */
public final class EvidenceReportRenderer {
    /** The report's name and media type inside the package, for the exporter's manifest. */
    public static final String FILE_NAME = "report.pdf";
    public static final String MEDIA_TYPE = "application/pdf";

    public byte[] render(EvidenceReport report) {
        ReportInputCheck.check(report);
        byte[] manifest = report.manifestJson();
        String manifestSha256 = HexFormat.of().formatHex(sha256(manifest));
        try (PDDocument doc = new PDDocument()) {
            try (PageWriter w = new PageWriter(doc)) {
                new ReportSections(w, manifestSha256).write(report);
                w.footers(ReportSections.title(report) + "  |  as of tree size " + report.asOf().size()
                        + "  |  manifest SHA-256 " + manifestSha256.substring(0, 16) + "...");
            }
            String title = ReportSections.title(report);
            PdfA3.apply(doc, title, report.generatedBy(), report.generatedAt(), manifest, report.manifestFileName(),
                    sha256((manifestSha256 + "|" + report.generatedAt()).getBytes(StandardCharsets.UTF_8)));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the evidence report PDF", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
