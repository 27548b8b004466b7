package org.batchledger.lineage.release.alcoa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The README's rule table lists the shipped rule set: same IDs in the same order, principles and severities. */
@Tag("REQ-RELEASE-002")
class ReadmeRuleTableTest {
    private static final Pattern ROW = Pattern.compile("^\\| (ALCOA-[A-Z]+-\\d{3}) \\| (\\w+) \\| (\\w+) \\|",
            Pattern.MULTILINE);

    @Test
    void theReadmeTableMatchesTheRuleSetInForce() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("basedir", "."), "..", "README.md"));
        Matcher m = ROW.matcher(readme);
        List<String> rows = new java.util.ArrayList<>();
        while (m.find()) {
            rows.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
        }
        List<String> rules = AlcoaRuleSet.shipped().rules().stream()
                .map(r -> r.id() + " " + r.principle().title() + " " + r.severity()).toList();
        assertThat(rows).containsExactlyElementsOf(rules);
    }
}
