package org.batchledger.ingest.b2mml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.batchledger.ingest.IngestAdapter;
import org.batchledger.ingest.IngestContext;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.IngestSource;
import org.batchledger.ingest.RecordSink;
import org.batchledger.verifier.proof.Sha256;
import org.batchledger.schema.record.LedgerRecord;

/** Test support: runs an adapter over a file or a text and keeps what it emitted. */
public final class IngestRun implements RecordSink {
    public static final Instant RECEIVED = Instant.parse("2026-11-26T10:00:00Z");
    public final List<LedgerRecord> records = new ArrayList<>();
    public final List<IngestFinding> warnings = new ArrayList<>();

    @Override
    public void record(LedgerRecord record) {
        records.add(record);
    }

    @Override
    public void warning(IngestFinding warning) {
        warnings.add(warning);
    }

    public static IngestContext context(boolean strict) {
        return new IngestContext("file:sha256:test", "plant-a", "adapter-client", RECEIVED, null, strict);
    }

    public static IngestRun file(IngestAdapter adapter, Path file, boolean strict) {
        IngestRun run = new IngestRun();
        try {
            byte[] bytes = Files.readAllBytes(file);
            String sha = HexFormat.of().formatHex(Sha256.of(bytes));
            adapter.parse(new IngestSource(file, file.getFileName().toString(), bytes.length, sha), context(strict), run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return run;
    }

    public static IngestRun text(IngestAdapter adapter, String xml) {
        return bytes(adapter, xml.getBytes(StandardCharsets.UTF_8), false);
    }

    public static IngestRun bytes(IngestAdapter adapter, byte[] bytes, boolean strict) {
        try {
            Path tmp = Files.createTempFile("ingest", ".xml");
            try {
                Files.write(tmp, bytes);
                return file(adapter, tmp, strict);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path resource(String name) {
        try {
            return Path.of(IngestRun.class.getResource("/test-documents/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public <T> List<T> all(Class<T> type) {
        return records.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public List<String> rules() {
        return warnings.stream().map(IngestFinding::rule).toList();
    }
}
