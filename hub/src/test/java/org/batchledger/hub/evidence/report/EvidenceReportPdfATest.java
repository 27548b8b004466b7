package org.batchledger.hub.evidence.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/** The report is PDF/A-3u by veraPDF's verdict, and carries the manifest as an associated file. */
@Tag("REQ-EVIDENCE-003")
class EvidenceReportPdfATest {
    private final byte[] pdf = new EvidenceReportRenderer().render(ReportFixtures.realistic());

    @Test
    @Tag("REQ-EVIDENCE-030")
    void veraPdfFindsTheReportCompliantPdfA3uWithNoFailedRule() throws Exception {
        assertThat(VeraPdf.claimed(pdf)).isEqualTo(PDFAFlavour.PDFA_3_U);

        VeraPdf.Verdict v = VeraPdf.validate(pdf, PDFAFlavour.PDFA_3_U);

        assertThat(v.failures()).isEmpty();
        assertThat(v.compliant()).isTrue();
        assertThat(v.flavour()).isEqualTo(PDFAFlavour.PDFA_3_U);
        assertThat(v.assertions()).as("rules actually checked").isGreaterThan(100);
    }

    @Test
    @Tag("REQ-EVIDENCE-030")
    @Tag("REQ-EVIDENCE-034")
    void markupUmlautsAndCharactersTheFontLacksInTextAndMetadataKeepItCompliant() throws Exception {
        EvidenceReport r = ReportFixtures.realistic();
        List<ReportRecord> records = new ArrayList<>(r.records());
        records.add(new ReportRecord("Note", "N-<&>\"'", 1, 1, ReportFixtures.hex('9'),
                List.of(new ReportRecord.Field("text", "Prüfung bestanden \u2013 \u4E2D\u6587 \uD83D\uDE00 \u0007 tab\there")),
                List.of(), List.of(), false));
        EvidenceReport odd = new EvidenceReport(r.scope(), "Charge-\u00C4<&>\u4E2D", r.subjectLabel(), r.origin(),
                r.asOf(), r.latest(), r.generatedAt(), "Jürgen O'Brien <jobrien> \u4E2D", r.verifierCommand(), records,
                r.genealogy(), r.sources(), r.manifestJson(), "manifest-\u00E9.json");

        byte[] oddPdf = new EvidenceReportRenderer().render(odd);
        VeraPdf.Verdict v = VeraPdf.validate(oddPdf, PDFAFlavour.PDFA_3_U);

        assertThat(v.failures()).isEmpty();
        assertThat(v.compliant()).isTrue();
        assertThat(ReportText.of(oddPdf).flat()).contains("Prüfung bestanden \u2013 [U+4E2D][U+6587] [U+1F600] [U+0007] tab")
                .contains("Evidence package report: batch Charge-\u00C4<&>[U+4E2D]");
        try (PDDocument doc = Loader.loadPDF(oddPdf)) {
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Evidence package report: batch Charge-\u00C4<&>\u4E2D");
        }
    }

    @Test
    @Tag("REQ-EVIDENCE-030")
    void veraPdfRejectsAPdfThatOnlyClaimsToBePdfA3() throws Exception {
        // the same claim in its XMP, but a standard-14 font that is not embedded and no output intent
        byte[] fake;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                out.beginText();
                out.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                out.newLineAtOffset(50, 700);
                out.showText("not embedded");
                out.endText();
            }
            doc.getDocumentCatalog().getCOSObject().removeItem(COSName.OUTPUT_INTENTS);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            fake = bytes.toByteArray();
        }

        VeraPdf.Verdict v = VeraPdf.validate(fake, PDFAFlavour.PDFA_3_U);

        assertThat(v.compliant()).isFalse();
        assertThat(v.failures()).anyMatch(f -> f.startsWith("6.2.11.4.1")) // font program not embedded
                .anyMatch(f -> f.startsWith("6.2.4.3")); // device colour without an output intent
    }

    @Test
    @Tag("REQ-EVIDENCE-031")
    void theManifestIsAttachedByteForByteAsAnAssociatedFileWithRelationshipData() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            COSArray af = (COSArray) doc.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.getPDFName("AF"));
            assertThat(af).hasSize(1);
            PDComplexFileSpecification spec = new PDComplexFileSpecification((COSDictionary) af.getObject(0));

            assertThat(spec.getFileUnicode()).isEqualTo("manifest.json");
            assertThat(spec.getCOSObject().getNameAsString(COSName.getPDFName("AFRelationship"))).isEqualTo("Data");
            assertThat(spec.getEmbeddedFileUnicode().toByteArray()).isEqualTo(ReportFixtures.MANIFEST);
            assertThat(spec.getEmbeddedFileUnicode().getSubtype()).isEqualTo("application/json");
            assertThat(doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames())
                    .containsOnlyKeys("manifest.json");
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Evidence package report: batch B-2026-0042");
        }
    }
}
