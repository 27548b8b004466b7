package org.batchledger.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.batchledger.verifier.proof.Sha256;
import org.batchledger.schema.record.LedgerRecord;

/** Test support for the lab adapters: a context, a collecting sink, and a run over bytes or a test document. */
public final class LabFixtures {
    public static final Instant RECEIVED = Instant.parse("2026-11-26T10:00:00Z");

    private LabFixtures() {
    }

    public static IngestContext context(byte[] mapping) {
        return new IngestContext("file:sha256:test", "lab", "adapter-test", RECEIVED, mapping, false);
    }

    public static Path document(String format, String name) {
        return Path.of("src/test/resources/test-documents", format, name);
    }

    /** Records and warnings of one parse. */
    public record Collected(List<LedgerRecord> records, List<IngestFinding> warnings) implements RecordSink {
        public Collected() {
            this(new ArrayList<>(), new ArrayList<>());
        }

        @Override
        public void record(LedgerRecord record) {
            records.add(record);
        }

        @Override
        public void warning(IngestFinding warning) {
            warnings.add(warning);
        }

        public <T extends LedgerRecord> List<T> of(Class<T> type) {
            return records.stream().filter(type::isInstance).map(type::cast).toList();
        }

        public List<String> warningRules() {
            return warnings.stream().map(IngestFinding::rule).toList();
        }
    }

    public static Collected parse(IngestAdapter adapter, Path file, byte[] mapping) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            Collected out = new Collected();
            adapter.parse(new IngestSource(file, file.getFileName().toString(), bytes.length, Sha256.hex(bytes)),
                    context(mapping), out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Collected parse(IngestAdapter adapter, byte[] content, byte[] mapping) {
        try {
            Path file = Files.createTempFile("ingest-lab", ".bin");
            try {
                Files.write(file, content);
                return parse(adapter, file, mapping);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Collected parse(IngestAdapter adapter, String content, String mapping) {
        return parse(adapter, content.getBytes(StandardCharsets.UTF_8),
                mapping == null ? null : mapping.getBytes(StandardCharsets.UTF_8));
    }

    public static ContentSample sample(Path file) {
        try {
            return new ContentSample(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
