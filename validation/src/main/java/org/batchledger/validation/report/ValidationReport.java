package org.batchledger.validation.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.batchledger.validation.requirements.RequirementSet;
import org.batchledger.validation.requirements.RequirementsLoader;
import org.batchledger.validation.results.OpenTestReports;
import org.batchledger.validation.results.TestResults;
import org.batchledger.validation.trace.Traceability;

/**
 * Reads requirements and test results under a project root and writes {@code validation-report.html},
 * {@code validation-report.pdf} and {@code validation-report.sha256} (the two files' hashes, to record in the ledger at
 * deployment). Each file is written beside its final name and moved into place, so a reader never sees half a report.
 */
public final class ValidationReport {
    public static final String HTML = "validation-report.html";
    public static final String PDF = "validation-report.pdf";
    public static final String SHA256 = "validation-report.sha256";

    private ValidationReport() {
    }

    public static ReportModel generate(Path root, Path outDir) {
        RequirementSet requirements = RequirementsLoader.load(root);
        TestResults results = OpenTestReports.read(root);
        Traceability.Result trace = Traceability.evaluate(requirements, results, root);
        ReportModel model = ReportModel.of(root, requirements, results, trace, Environment.of(root, results));
        write(model, outDir);
        return model;
    }

    public static void write(ReportModel model, Path outDir) {
        byte[] html = HtmlReport.render(model);
        byte[] pdf = PdfReport.render(model);
        String sums = Input.sha256(html) + "  " + HTML + "\n" + Input.sha256(pdf) + "  " + PDF + "\n";
        try {
            Files.createDirectories(outDir);
            replace(outDir.resolve(HTML), html);
            replace(outDir.resolve(PDF), pdf);
            replace(outDir.resolve(SHA256), sums.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + outDir, e);
        }
    }

    private static void replace(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
