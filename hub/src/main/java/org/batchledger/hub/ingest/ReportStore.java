package org.batchledger.hub.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.batchledger.lineage.store.Page;
import org.batchledger.lineage.store.PageRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reports as JSON files under {@code <data-dir>/ingest/reports}, named by id (receive time first, so the names
 * sort by time), and for each file ingested a pointer {@code by-sha256/<hex>} to its report, for duplicates.
 * Reports are not ledgered: the ledger holds what was written; a report says how it went (and why not).
 */
final class ReportStore {
    private static final Pattern ID = Pattern.compile("[0-9]{13}-[0-9a-f]{12}(-[0-9]+)?");
    private final Path reports;
    private final Path bySha;
    private final JsonMapper json;

    ReportStore(Path dataDir, JsonMapper json) {
        this.reports = dataDir.resolve("ingest").resolve("reports");
        this.bySha = dataDir.resolve("ingest").resolve("by-sha256");
        this.json = json;
    }

    /** A new id, unique among the reports kept. */
    synchronized String newId(long receivedAtMillis, String sha256) {
        String base = String.format("%013d-%s", receivedAtMillis, sha256.substring(0, 12));
        String id = base;
        for (int n = 2; Files.exists(file(id)); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    void save(IngestReport report) {
        try {
            Files.createDirectories(reports);
            Path tmp = Files.createTempFile(reports, report.id(), ".part");
            Files.write(tmp, json.writeValueAsBytes(report));
            Files.move(tmp, file(report.id()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            if (report.status() == IngestReport.Status.INGESTED) {
                Files.createDirectories(bySha);
                Files.writeString(bySha.resolve(report.sha256()), report.id());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the ingest report " + report.id(), e);
        }
    }

    /** The report as JSON at {@code target} (the drop folder's report beside its file). */
    void writeTo(Path target, IngestReport report) {
        try {
            Files.write(target, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + target, e);
        }
    }

    Optional<IngestReport> byId(String id) {
        if (id == null || !ID.matcher(id).matches() || !Files.exists(file(id))) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(Files.readAllBytes(file(id)), IngestReport.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report of the file with this hash, when it was ingested. */
    Optional<IngestReport> ingested(String sha256) {
        Path pointer = bySha.resolve(sha256);
        try {
            return Files.exists(pointer) ? byId(Files.readString(pointer).strip()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Newest first; the cursor is the report id. */
    Page<IngestReport> page(PageRequest request) {
        if (!Files.isDirectory(reports)) {
            return Page.empty(request);
        }
        List<String> ids;
        try (Stream<Path> files = Files.list(reports)) {
            ids = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).filter(n -> ID.matcher(n).matches())
                    .filter(n -> request.afterKey() == null || n.compareTo(request.afterKey()) < 0)
                    .sorted(Comparator.reverseOrder()).limit(request.first() + 1L).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<IngestReport> fetched = new ArrayList<>();
        ids.forEach(id -> byId(id).ifPresent(fetched::add));
        return Page.of(fetched, request, IngestReport::id);
    }

    private Path file(String id) {
        return reports.resolve(id + ".json");
    }
}
