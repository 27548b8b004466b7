package org.batchledger.validation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.batchledger.validation.TestProject.A;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.batchledger.validation.TestProject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("REQ-VALIDATION-003")
class ValidationReportTest {
    @TempDir
    Path dir;

    @Test
    @Tag("REQ-VALIDATION-004")
    void theSameInputsGiveTheSameBytesAndAChangedInputOtherBytes() throws Exception {
        new TestProject(dir).standard();
        ValidationReport.generate(dir, dir.resolve("out1"));
        ValidationReport.generate(dir, dir.resolve("out2"));
        for (String f : new String[] {ValidationReport.HTML, ValidationReport.PDF, ValidationReport.SHA256}) {
            assertThat(Files.readAllBytes(dir.resolve("out2").resolve(f)))
                    .as(f).isEqualTo(Files.readAllBytes(dir.resolve("out1").resolve(f)));
        }
        new TestProject(dir).write("requirements/clauses.yaml", TestProject.CLAUSES + "# reviewed\n");
        ValidationReport.generate(dir, dir.resolve("out3"));
        assertThat(Files.readAllBytes(dir.resolve("out3").resolve(ValidationReport.PDF)))
                .isNotEqualTo(Files.readAllBytes(dir.resolve("out1").resolve(ValidationReport.PDF)));
    }

    @Test
    void theHtmlTracesRequirementsToTestsAndStatesCommitEnvironmentFindingsAndInputHashes() throws Exception {
        new TestProject(dir).standard();
        ReportModel m = ValidationReport.generate(dir, dir.resolve("out"));
        String html = Files.readString(dir.resolve("out").resolve(ValidationReport.HTML));
        assertThat(m.environment().commit()).isEqualTo("unknown");
        assertThat(html).contains("<td>unknown</td>", "Neo4j", "2026.08.1", "Keycloak", "26.5.6", "25.0.3",
                A, "SUCCESSFUL <code>SampleTest passes()</code>", "FAILED <code>SampleTest fails()</code>",
                "FAILS: 3 finding(s)", "TEST_WITHOUT_REQUIREMENT", "<td>ALCOA+ Accurate</td>", "21 CFR 11.10(i)", "the user's training records.",
                Input.sha256(dir.resolve("requirements/features.yaml")));
        assertThat(m.inputs()).extracting(Input::path).containsExactly(
                "app/target/surefire-reports/open-test-report.xml", "pom.xml", "requirements/clauses.yaml",
                "requirements/features.yaml");
        assertThat(Files.readString(dir.resolve("out").resolve(ValidationReport.SHA256), StandardCharsets.UTF_8))
                .contains(Input.sha256(dir.resolve("out").resolve(ValidationReport.PDF)) + "  validation-report.pdf");
    }

    @Test
    void thePdfIsPdfA2bWithItsFontEmbeddedAndHoldsTheTrace() throws Exception {
        new TestProject(dir).standard();
        ValidationReport.generate(dir, dir.resolve("out"));
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("out").resolve(ValidationReport.PDF).toFile())) {
            String xmp = new String(pdf.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).containsPattern("pdfaid:part[^0-9]*2").containsPattern("pdfaid:conformance[^A-Z]*B");
            assertThat(pdf.getDocumentCatalog().getOutputIntents()).hasSize(1);
            assertThat(pdf.getDocumentInformation().getCreationDate()).isNull();
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(A, "SampleTest passes()", "Clause matrix", "Keycloak: 26.5.6");
        }
    }
}
