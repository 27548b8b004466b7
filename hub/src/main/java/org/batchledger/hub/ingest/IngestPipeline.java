package org.batchledger.hub.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.batchledger.hub.HubProperties;
import org.batchledger.hub.ingest.IngestReport.Finding;
import org.batchledger.hub.ingest.IngestReport.Status;
import org.batchledger.hub.ingest.IngestReport.Timings;
import org.batchledger.ingest.Adapters;
import org.batchledger.ingest.ContentSample;
import org.batchledger.ingest.IngestAdapter;
import org.batchledger.ingest.IngestContext;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.IngestSource;
import org.batchledger.ingest.InvalidSourceException;
import org.batchledger.lineage.ingest.SourceFiles;
import org.batchledger.lineage.store.DatabaseUnavailable;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.write.FileIngestReceipt;
import org.batchledger.lineage.write.FileIngestRequest;
import org.batchledger.lineage.write.ChunkedIngest;
import org.batchledger.lineage.write.LedgerBusyException;
import org.batchledger.lineage.write.LedgeredWrite;
import org.batchledger.lineage.write.IdempotencyConflictException;
import org.batchledger.lineage.write.InvalidRecordsException;
import org.batchledger.lineage.write.PendingReference;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.SourceFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * One file through the pipeline: spool and hash; a file already ingested answers its earlier report and writes
 * nothing; the adapter (named, or by content) streams its records through {@link RecordChecks} into a spool
 * ({@link SpooledRecords}: the heap keeps key fingerprints, not records); the original into the blob store; the
 * records and the file's {@link SourceFile} written in chunks under the ledger's ingest lease and published at once
 * ({@link ChunkedIngest}); the report, kept. Any problem refuses the whole file with every finding, and nothing of it
 * is visible or ledgered.
 */
@Service
public class IngestPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);
    static final String DATABASE_FAILED = "DATABASE-FAILED";
    static final String DATABASE_UNAVAILABLE = "DATABASE-UNAVAILABLE";
    private final IngestSettings settings;
    private final Adapters adapters;
    private final LedgeredWrite unitOfWork;
    private final BlobStore blobs;
    private final ReportStore reports;
    private final Path spool;
    private final SourceFiles sourceFiles;
    private final Path embeddedHome;

    IngestPipeline(IngestSettings settings, HubProperties hub, Adapters adapters, LedgeredWrite unitOfWork,
                   JsonMapper json, GraphDatabase db) {
        this.sourceFiles = new SourceFiles(db);
        this.settings = settings;
        this.adapters = adapters;
        this.unitOfWork = unitOfWork;
        this.blobs = new BlobStore(hub.dataDir());
        this.reports = new ReportStore(hub.dataDir(), json);
        this.spool = hub.dataDir().resolve("ingest").resolve("spool");
        this.embeddedHome = hub.embeddedNeo4jHome();
        SpooledFile.removeLeftovers(spool);
    }

    ReportStore reports() {
        return reports;
    }

    BlobStore blobs() {
        return blobs;
    }

    IngestReport ingest(Upload upload) {
        long started = System.nanoTime();
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Run run = new Run(upload, receivedAt, started);
        try (SpooledFile file = SpooledFile.of(upload.content(), spool, settings.maxBytes())) {
            run.file = file;
            run.received = System.nanoTime();
            // the graph says whether the file was written; the report says how (a restored database wins). Written
            // without a report here (the hub died between the publish and keeping the report, or another hub on
            // the same database took the file): a duplicate all the same, never parsed again, since its records'
            // provenance (received now) would differ and refuse it as ingested otherwise.
            blobs.hold(file.sha256());
            try {
                if (!sourceFiles.byKeys(List.of("sha256:" + file.sha256())).isEmpty()) {
                    return reports.ingested(file.sha256()).map(IngestReport::asDuplicate)
                            .orElseGet(run::alreadyWritten);
                }
                return keep(ingest(run));
            } catch (RuntimeException e) {
                return keep(databaseFailed(run, e));
            } finally {
                blobs.release(file.sha256());
            }
        } catch (SpooledFile.TooLargeException e) {
            return keep(run.refused(Status.TOO_LARGE, List.of(new Finding(upload.fileName(), null, null, "file",
                    "INGEST-SIZE-LIMIT", e.getMessage() + " (batchledger.ingest.max-bytes)"))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot receive " + upload.fileName(), e);
        }
    }

    private IngestReport ingest(Run run) throws IOException {
        SpooledFile file = run.file;
        IngestSource source = new IngestSource(file.path(), run.upload.fileName(), file.size(), file.sha256());
        String sourceId = "file:sha256:" + file.sha256();
        try (SpooledRecords records = new SpooledRecords(spool, run.upload.fileName(), sourceId,
                settings.maxRecords(), run.upload.strict())) {
            try {
                IngestAdapter adapter = adapters.choose(run.upload.adapter(), new ContentSample(file.head()));
                run.adapter = adapter.name();
                run.mediaType = adapter.mediaType();
                try {
                    adapter.parse(source, new IngestContext(sourceId, settings.namespace(),
                            run.upload.actor().subject(), run.receivedAt, run.upload.mapping(), run.upload.strict(),
                            run.upload.about()), records);
                } finally {
                    // what the adapter detected in the file (documents), also for the report of a refused one
                    run.mediaType = records.mediaType != null ? records.mediaType : run.mediaType;
                }
                records.finish();
            } catch (InvalidSourceException e) {
                return run.refused(Status.REFUSED, e.problems().stream().map(p -> run.finding(p)).toList());
            } catch (IOException | RuntimeException e) {
                LOG.warn("ingest {}: adapter {} failed", run.upload.fileName(), run.adapter, e);
                return run.refused(Status.REFUSED, List.of(new Finding(run.upload.fileName(), null, null, null,
                        "ADAPTER-FAILED", "the adapter could not read the file (the hub's log has the details)")));
            }
            run.parsed = System.nanoTime();
            run.warnings.addAll(records.warnings);
            if (!records.problems.isEmpty()) {
                return run.refused(Status.REFUSED, records.problems);
            }
            try {
                blobs.keep(file);
            } catch (UncheckedIOException e) {
                // before any graph write: the original must be kept before the records that cite it exist
                LOG.error("ingest {}: the original could not be kept", run.upload.fileName(), e);
                return run.refused(Status.STORAGE_FAILED, List.of(new Finding(run.upload.fileName(), null, null,
                        null, "ORIGINAL-NOT-KEPT", "the hub could not store the original file (" + reason(e)
                        + "); nothing of this file was written, send it again once the hub's storage is fixed")));
            }
            IngestReport written = write(run, records);
            if (written.status() == Status.REFUSED || written.status() == Status.BUSY) {
                discardOriginal(run);
            }
            return written;
        }
    }

    // A file refused at its write wrote nothing: its original goes too, as for a file refused before it was kept (the
    // report names its SHA-256, size and name; the sender has the file). Kept after a database failure: the write's
    // outcome is unknown there, and a file sent again finds its original.
    private void discardOriginal(Run run) {
        String sha = run.file.sha256();
        try {
            if (blobs.discard(sha, () -> sourceFiles.anyNamed("sha256:" + sha))) {
                LOG.info("ingest {}: refused, its original {} is not kept", run.upload.fileName(), sha);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("ingest {}: refused, its original {} stays in the blob store: {}", run.upload.fileName(), sha,
                    e.toString());
        }
    }

    // Neo4j failed itself (its disk full): the chunk or publish it failed in did not commit, and what was staged
    // before is removed when Neo4j serves again (the lease's recovery at the next start), so nothing is visible. Neo4j
    // unreachable (or still transient after the driver's retries): the same, the lease's recovery when it is back.
    private IngestReport databaseFailed(Run run, RuntimeException e) {
        DatabaseUnavailable outage = DatabaseUnavailable.of(e, embeddedHome).orElseThrow(() -> e);
        LOG.error("ingest {}: the graph database {}: {}", run.upload.fileName(), outage.failed() ? "failed"
                : "is unavailable", outage.logLine());
        return run.refused(Status.STORAGE_FAILED, List.of(new Finding(run.upload.fileName(), null, null, null,
                outage.failed() ? DATABASE_FAILED : DATABASE_UNAVAILABLE, outage.message()
                        + "; send the file again once the hub serves again")));
    }

    private IngestReport write(Run run, SpooledRecords records) throws IOException {
        SourceFile sourceFile = new SourceFile("sha256:" + run.file.sha256(), run.upload.fileName(), run.mediaType,
                run.file.size(), run.adapter, new Provenance("ingest:" + run.upload.channel(), null,
                run.upload.actor().subject(), run.receivedAt, run.receivedAt));
        LOG.info("ingest {}: {} records read and checked ({} records/s), writing them in chunks of {}",
                run.upload.fileName(), records.count(), SpooledRecords.perSecond(records.count(), run.started),
                settings.chunkRecords());
        FileIngestRequest.Header header = new FileIngestRequest.Header(sourceFile.key(), run.upload.fileName(),
                run.upload.actor(), "ingest " + run.upload.fileName() + " (" + run.adapter + ")", run.upload.strict());
        FileIngestReceipt receipt;
        try (ChunkedIngest ingest = ChunkedIngest.begin(unitOfWork, header, records.digest())) {
            if (!ingest.replayed()) {
                writeChunks(run, records, sourceFile, ingest);
            }
            receipt = ingest.publish();
        } catch (InvalidRecordsException e) {
            return run.refused(Status.REFUSED, e.problems().stream().map(p -> new Finding(run.upload.fileName(),
                    p.locator(), p.record(), p.field(), "RECORD-INVALID", p.message())).toList());
        } catch (IdempotencyConflictException e) {
            return run.refused(Status.REFUSED, List.of(new Finding(run.upload.fileName(), null, null, null,
                    "FILE-INGESTED-OTHERWISE", "this file was ingested before with other records (another adapter or "
                    + "mapping); it is not written twice")));
        } catch (LedgerBusyException e) {
            return run.refused(Status.BUSY, List.of(new Finding(run.upload.fileName(), null, null, null, "LEDGER-BUSY",
                    e.getMessage() + "; nothing of this file was written, send it again later")));
        }
        for (PendingReference p : receipt.pending()) {
            run.warnings.add(new Finding(run.upload.fileName(), p.locator(), p.from().toString(), p.field(),
                    "REFERENCE-PENDING", "refers to " + p.target() + ", not recorded yet: kept, and linked when it "
                    + "arrives"));
        }
        return run.ingested(receipt);
    }

    // The SourceFile rides in the first chunk; each chunk is one transaction, its records staged until the publish.
    private void writeChunks(Run run, SpooledRecords records, SourceFile sourceFile, ChunkedIngest ingest)
            throws IOException {
        long writing = System.nanoTime();
        int[] written = {0};
        List<LedgerRecord> first = new ArrayList<>(List.of(sourceFile));
        records.chunks(settings.chunkRecords(), chunk -> {
            List<LedgerRecord> withFile = first.isEmpty() ? chunk : concat(first, chunk);
            first.clear();
            ingest.write(withFile);
            written[0] += chunk.size();
            LOG.info("ingest {}: {} of {} records written, staged ({} records/s)", run.upload.fileName(), written[0],
                    records.count(), SpooledRecords.perSecond(written[0], writing));
        });
        if (!first.isEmpty()) {
            ingest.write(first);
        }
    }

    private static List<LedgerRecord> concat(List<LedgerRecord> a, List<LedgerRecord> b) {
        List<LedgerRecord> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    private IngestReport keep(IngestReport report) {
        try {
            reports.save(report);
        } catch (UncheckedIOException e) {
            // the graph is the truth: a file sent again replays its ingest by idempotency and writes nothing twice
            LOG.error("ingest {}: its report {} ({}) could not be kept on disk", report.fileName(), report.id(),
                    report.status(), e);
        }
        LOG.info("ingest {} ({}): {} via {}, {} records, {} warnings, {} errors, {} records/s", report.fileName(),
                report.sha256(), report.status(), report.adapter(), report.records(), report.warnings().size(),
                report.errors().size(), (long) report.recordsPerSecond());
        return report;
    }

    /** The state of one file's run, turned into its report. */
    private final class Run {
        final Upload upload;
        final Instant receivedAt;
        final long started;
        final List<Finding> warnings = new ArrayList<>();
        SpooledFile file;
        String adapter;
        String mediaType;
        long received;
        long parsed;

        Run(Upload upload, Instant receivedAt, long started) {
            this.upload = upload;
            this.receivedAt = receivedAt;
            this.started = started;
        }

        Finding finding(IngestFinding f) {
            return new Finding(upload.fileName(), f.locator(), null, f.field(), f.rule(), f.message());
        }

        /** The file is in the graph, but this hub kept no report of how: counts and ledger range unknown here. */
        IngestReport alreadyWritten() {
            return report(Status.INGESTED, Map.of(), null, null, List.of(), List.of()).asDuplicate();
        }

        IngestReport refused(Status status, List<Finding> errors) {
            return report(status, Map.of(), null, null, errors, List.of());
        }

        IngestReport ingested(FileIngestReceipt r) {
            Map<String, Integer> counts = new TreeMap<>();
            r.counts().forEach((type, n) -> counts.put(type.graphName(), n));
            IngestReport report = report(Status.INGESTED, counts, r.firstSeq(), r.lastSeq(), List.of(),
                    r.alreadyRecorded().stream().map(RecordRef::toString).toList());
            // the same file raced in twice: the other upload wrote it, this one wrote nothing
            return r.replayed() ? report.asDuplicate() : report;
        }

        private IngestReport report(Status status, Map<String, Integer> counts, Long first, Long last,
                                    List<Finding> errors, List<String> repeated) {
            long now = System.nanoTime();
            long receive = received == 0 ? now - started : received - started;
            long parse = parsed == 0 ? 0 : parsed - received;
            long write = parsed == 0 ? 0 : now - parsed;
            long total = now - started;
            int n = counts.values().stream().mapToInt(Integer::intValue).sum();
            String sha = file == null ? null : file.sha256();
            String id = reports.newId(receivedAt.toEpochMilli(), sha == null ? "000000000000" : sha);
            return new IngestReport(id, status, false, upload.fileName(), sha, file == null ? 0 : file.size(), adapter,
                    mediaType, upload.channel(), upload.actor().subject(), receivedAt, counts, first, last,
                    List.copyOf(warnings), errors, repeated, new Timings(ms(receive), ms(parse), ms(write), ms(total)),
                    total == 0 ? 0 : n * 1e9 / total);
        }
    }

    /** The I/O failure's own words (no space left, access denied), never a path beyond the hub's data directory. */
    private static String reason(UncheckedIOException e) {
        IOException cause = e.getCause();
        String kind = cause.getClass().getSimpleName();
        return cause instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                ? kind + ": " + fs.getReason() : kind;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
