package org.batchledger.lineage.release.alcoa;

import static org.batchledger.lineage.release.alcoa.AlcoaPrinciple.ORIGINAL;

import java.util.List;
import java.util.regex.Pattern;

/** Original: a value links to the file it came from (whose hash is recorded), or names the system that sent it. */
final class OriginalRules {
    static final Pattern SHA256_KEY = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*:\\S.*");

    private OriginalRules() {
    }

    static List<RuleDefinition> all() {
        return List.of(
                RuleDefinition.of("ALCOA-O-001", ORIGINAL, "Source file recorded with its hash",
                        "A record ingested from a file links to that file's record, and the file is identified by "
                                + "its SHA-256 (so the original can be proven byte for byte).", OriginalRules::file),
                RuleDefinition.of("ALCOA-O-002", ORIGINAL, "Located in its source file",
                        "A record ingested from a file says where in the file it was read (line, XPath, JSON "
                                + "pointer).", (records, rule, sink) -> records.items().stream()
                                .filter(i -> i.fileKey() != null).forEach(i -> sink.expect(i,
                                        !Values.blank((String) i.stored().get("locator")),
                                        "came from a file but does not say where in it (no locator)"))),
                RuleDefinition.of("ALCOA-O-003", ORIGINAL, "Origin named",
                        "Every record names its origin as a system or file (scheme:name, e.g. mes:plant-a, "
                                + "file:sha256:…), so entered and received values can be told apart.",
                        (records, rule, sink) -> records.items().forEach(i -> sink.expect(i,
                                i.source() != null && SCHEME.matcher(i.source()).matches(),
                                () -> "names its origin as '" + i.source() + "', which is no system or file"))));
    }

    private static void file(BatchRecords records, AlcoaRule rule, RuleSink sink) {
        records.items().stream().filter(i -> i.fileKey() != null).forEach(i -> {
            String file = i.fileKey();
            if (!i.files().contains(file)) {
                sink.finding(i, "came from file " + file + ", which is not recorded as a source file");
            } else {
                sink.expect(i, SHA256_KEY.matcher(file).matches(), () -> "came from source file " + file
                        + ", which is not identified by a SHA-256 hash");
            }
        });
    }
}
