package org.batchledger.hub.ingest;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.batchledger.hub.ingest.IngestReport.Finding;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.InvalidSourceException;
import org.batchledger.ingest.RecordSink;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.verifier.proof.Sha256;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.TestResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter's output for one file, checked as it streams by and spooled to two temporary files (nodes, then
 * relationships, so every genealogy end is written before the relationships that join it), one canonical JSON
 * record a line. The heap keeps only a 128-bit fingerprint per key ({@link KeyFingerprints}), the first findings of
 * each kind (the rest are counted), and a digest of the spooled lines that binds the file's idempotency key to its
 * records. Past {@code max} records the file is refused (rule {@code INGEST-RECORD-LIMIT}). Logs progress with
 * records/s on long files.
 */
final class SpooledRecords implements RecordSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpooledRecords.class);
    private static final int PROGRESS_EVERY = 100_000;
    /** Findings listed per rule; a file with more says how many more. */
    static final int LISTED = 200;
    private final String file;
    private final String sourceId;
    private final int max;
    private final boolean strict;
    private final Path nodes;
    private final Path relationships;
    private final BufferedWriter nodeOut;
    private final BufferedWriter relationshipOut;
    private final KeyFingerprints keys = new KeyFingerprints();
    private final MessageDigest digest = Sha256.digest();
    private final long started = System.nanoTime();
    private final Map<String, Integer> unlisted = new LinkedHashMap<>();
    private final Map<String, Integer> listed = new java.util.HashMap<>();
    private final List<RecordRef> repeated = new ArrayList<>();
    final List<Finding> problems = new ArrayList<>();
    final List<Finding> warnings = new ArrayList<>();
    private int count;
    /** The media type the adapter detected in the file, if it reports one (documents). */
    String mediaType;

    SpooledRecords(Path dir, String file, String sourceId, int max, boolean strict) throws IOException {
        this.file = file;
        this.sourceId = sourceId;
        this.max = max;
        this.strict = strict;
        Files.createDirectories(dir);
        this.nodes = Files.createTempFile(dir, "records-", ".nodes");
        this.relationships = Files.createTempFile(dir, "records-", ".relationships");
        this.nodeOut = Files.newBufferedWriter(nodes, StandardCharsets.UTF_8);
        this.relationshipOut = Files.newBufferedWriter(relationships, StandardCharsets.UTF_8);
    }

    @Override
    public void mediaType(String detected) {
        mediaType = detected;
    }

    @Override
    public void record(LedgerRecord record) {
        if (count >= max) {
            throw new InvalidSourceException(new IngestFinding(null, null, "INGEST-RECORD-LIMIT", "the file holds more "
                    + "than " + max + " records, the most one file may (batchledger.ingest.max-records); split it"));
        }
        count++;
        RecordChecks.check(file, sourceId, List.of(record)).forEach(f -> add(problems, f));
        if (!keys.add(RecordRef.of(record))) {
            if (repeated.size() < LISTED) {
                repeated.add(RecordRef.of(record));
            }
            add(problems, new Finding(file, record.provenance().locator(), RecordRef.of(record).toString(), "key",
                    "KEY-REPEATED", "appears more than once in this file"));
        }
        unlinked(record);
        spool(record);
        if (count % PROGRESS_EVERY == 0) {
            LOG.info("ingest {}: {} records read and checked ({} records/s)", file, count, perSecond(count, started));
        }
    }

    // A result naming only a sample: kept and listed for review, or refused in strict mode.
    private void unlinked(LedgerRecord record) {
        if (record instanceof TestResult t && t.subject() == null) {
            add(strict ? problems : warnings, new Finding(file, t.provenance().locator(), RecordRef.of(t).toString(),
                    "subject", "RESULT-UNLINKED", "names only sample " + t.sampleId() + ", no lot or batch"
                    + (strict ? " (strict)" : ": kept, linked once exactly one lot or batch of that"
                    + " key is recorded, listed for review until then")));
        }
    }

    private void spool(LedgerRecord record) {
        String line = record.type().graphName() + "\t" + CanonicalJson.toJson(record) + "\n";
        digest.update(line.getBytes(StandardCharsets.UTF_8));
        try {
            (record.type().isRelationship() ? relationshipOut : nodeOut).write(line);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool the records of " + file, e);
        }
    }

    @Override
    public void warning(IngestFinding warning) {
        add(warnings, new Finding(file, warning.locator(), null, warning.field(), warning.rule(), warning.message()));
    }

    private void add(List<Finding> into, Finding f) {
        String rule = (into == problems ? "E " : "W ") + f.rule();
        if (listed.merge(rule, 1, Integer::sum) <= LISTED) {
            into.add(f);
        } else {
            unlisted.merge(rule, 1, Integer::sum);
        }
    }

    /** Ends the streaming pass: names where each repeated key first appeared, and counts what was not listed. */
    void finish() throws IOException {
        nodeOut.close();
        relationshipOut.close();
        if (!repeated.isEmpty()) {
            Map<RecordRef, String> first = firstLocators();
            problems.replaceAll(f -> f.rule().equals("KEY-REPEATED") && first.containsKey(RecordRef.parse(f.record()))
                    ? new Finding(f.file(), f.locator(), f.record(), f.field(), f.rule(),
                    "appears more than once in this file (first at " + first.get(RecordRef.parse(f.record())) + ")")
                    : f);
        }
        unlisted.forEach((rule, n) -> (rule.startsWith("E ") ? problems : warnings).add(new Finding(file, null, null,
                null, rule.substring(2), n + " more findings of this rule, not listed")));
    }

    private Map<RecordRef, String> firstLocators() throws IOException {
        Map<RecordRef, String> first = new LinkedHashMap<>();
        each(r -> {
            if (repeated.contains(RecordRef.of(r))) {
                first.putIfAbsent(RecordRef.of(r), r.provenance().locator());
            }
        });
        return first;
    }

    int count() {
        return count;
    }

    /** The digest of the spooled records, in file order (the idempotency key's request binds to it). */
    String digest() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Hands the records back in chunks of at most {@code size}: the nodes, then the relationships. */
    void chunks(int size, Consumer<List<LedgerRecord>> write) throws IOException {
        List<LedgerRecord> chunk = new ArrayList<>(size);
        each(r -> {
            chunk.add(r);
            if (chunk.size() == size) {
                write.accept(List.copyOf(chunk));
                chunk.clear();
            }
        });
        if (!chunk.isEmpty()) {
            write.accept(List.copyOf(chunk));
        }
    }

    private void each(Consumer<LedgerRecord> each) throws IOException {
        for (Path spool : List.of(nodes, relationships)) {
            try (BufferedReader in = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    int tab = line.indexOf('\t');
                    RecordType type = RecordType.ofGraphName(line.substring(0, tab));
                    each.accept(CanonicalJson.fromJson(line.substring(tab + 1), type.javaType()));
                }
            }
        }
    }

    static long perSecond(long n, long startedNanos) {
        long nanos = Math.max(1, System.nanoTime() - startedNanos);
        return n * 1_000_000_000L / nanos;
    }

    @Override
    public void close() {
        try {
            nodeOut.close();
            relationshipOut.close();
            Files.deleteIfExists(nodes);
            Files.deleteIfExists(relationships);
        } catch (IOException e) {
            LOG.warn("ingest {}: could not remove its spooled records ({})", file, e.getMessage());
        }
    }
}
