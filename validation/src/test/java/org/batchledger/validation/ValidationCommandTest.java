package org.batchledger.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.batchledger.validation.TestProject.A;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("REQ-VALIDATION-002")
class ValidationCommandTest {
    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void theGateFailsWithStatusOneAndListsItsFindingsUnlessAskedOnlyToReport() {
        new TestProject(dir).standard();
        assertThat(run("report", "--root", dir.toString(), "--out", dir.resolve("r").toString())).isEqualTo(1);
        assertThat(err()).contains("traceability gate: 3 finding(s)", "FAILED_TEST " + A);
        assertThat(Files.exists(dir.resolve("r/validation-report.html"))).isTrue();
        assertThat(run("report", "--root", dir.toString(), "--gate", "report")).isEqualTo(0);
        assertThat(out()).contains("validation report: ");
    }

    @Test
    void badUsageIsStatusTwoNamingTheProblem() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("audit")).isEqualTo(2);
        assertThat(err()).contains("unknown command 'audit'");
        assertThat(run("report", "--gate", "maybe")).isEqualTo(2);
        assertThat(err()).contains("--gate is enforce or report, not 'maybe'");
        assertThat(run("report", "--root")).isEqualTo(2);
        assertThat(err()).contains("option --root needs a value");
        assertThat(run("change-impact", "HEAD")).isEqualTo(2);
        assertThat(err()).contains("change-impact needs two git refs");
    }

    @Test
    @Tag("REQ-VALIDATION-008")
    @Tag("REQ-VALIDATION-005")
    void theReadmesChangeImpactExampleRunsAsWritten() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        Matcher m = Pattern.compile("java -jar validation/target/batch-ledger-validation\\.jar (change-impact[^\\n]*)")
                .matcher(readme);
        assertThat(m.find()).as("README documents the change-impact command").isTrue();
        List<String> args = new ArrayList<>(List.of(m.group(1).strip().split("\\s+")));
        assertThat(readme).containsIgnoringCase("change impact");
        TestProject p = new TestProject(dir).gitInit().standard().write("README.md", "v1\n").commit("one");
        p.write("README.md", "v2\n").commit("two");
        args.addAll(List.of("--root", dir.toString()));
        assertThat(run(args.toArray(String[]::new))).as(err()).isEqualTo(0);
        assertThat(out()).contains("Change impact ", "No requirement impacted (documentation-only change).");
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return ValidationCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
