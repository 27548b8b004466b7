package org.batchledger.lineage.write;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ledger.IngestLease;
import org.batchledger.lineage.ledger.LedgerAppender.Commit;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/**
 * One large file written in bounded chunks yet all or nothing. {@link #begin} takes the ingest lease on the ledger
 * head (other writers wait, then fail with {@link LedgerBusyException}); each {@link #write} is one transaction of
 * the unit of work that creates its records staged (marked, with their entries, bundles and tiles beyond the head:
 * no read sees them, {@link org.batchledger.lineage.store.Visibility}); {@link #publish} moves the head over them
 * and records the commit in one last transaction whose size does not depend on the file's (it touches no staged
 * record: a record is visible once the head covers it, marked or not), then removes the marks in bounded
 * transactions ({@link LedgeredWrite#tidy}). {@link #close} without a publish removes what was
 * staged ({@link LedgeredWrite#recover}); a process that dies mid-file leaves the lease, and recovery at the next
 * start (or when the lease expires) removes it the same way. Nodes of the file should come before the
 * relationships that join them (a genealogy end must exist when its relationship is written).
 */
public final class ChunkedIngest implements AutoCloseable {
    /** The receipt lists at most this many open references and repeated records (the counts are complete). */
    static final int LISTED = 1_000;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ChunkedIngest.class);
    private final LedgeredWrite unitOfWork;
    private final CommandHeader header;
    private final boolean strict;
    private final Commit replayed;
    private final Map<RecordType, Integer> counts = new EnumMap<>(RecordType.class);
    private final List<PendingReference> pending = new ArrayList<>();
    private final List<RecordRef> repeated = new ArrayList<>();
    private IngestLease lease;
    private int chunks;
    private boolean done;

    private ChunkedIngest(LedgeredWrite unitOfWork, CommandHeader header, boolean strict, LedgeredWrite.Begun begun) {
        this.unitOfWork = unitOfWork;
        this.header = header;
        this.strict = strict;
        this.lease = begun.lease();
        this.replayed = begun.replayed();
        this.done = replayed != null;
    }

    /**
     * Takes the lease for the file {@code sourceFileKey} ({@code sha256:<hex>}); the idempotency key is the file's,
     * as for a single-transaction ingest, and {@code recordsDigest} (a digest of every record's type, key and
     * content hash, in file order) binds it to the records.
     */
    public static ChunkedIngest begin(LedgeredWrite unitOfWork, FileIngestRequest.Header file, String recordsDigest) {
        String requestHash = RequestHash.of("IngestFileChunked", file.actor(), file.reason(),
                Map.of("strict", file.strict(), "records", recordsDigest));
        CommandHeader header = new CommandHeader("ingest:" + file.sourceFileKey(), file.actor(), file.reason(),
                requestHash);
        return new ChunkedIngest(unitOfWork, header, file.strict(), unitOfWork.begin(header, file.fileName()));
    }

    /** Whether the file was ingested before (same records): nothing is written, {@link #publish} answers that. */
    public boolean replayed() {
        return replayed != null;
    }

    /** The lease as it stands (tests and progress logs). */
    public IngestLease lease() {
        return lease;
    }

    /**
     * Writes one chunk (the file's SourceFile in the first) in its own transaction, staged.
     *
     * @throws InvalidRecordsException naming the records refused; the caller closes, which removes what was staged
     */
    public void write(List<LedgerRecord> chunk) {
        if (done) {
            throw new IllegalStateException("the ingest of " + lease.file() + " is over");
        }
        IngestFile command = new IngestFile(chunk, header);
        LedgeredWrite.Staged<FileIngestReceipt> staged = unitOfWork.stage(lease, ++chunks, command);
        lease = staged.lease();
        if (staged.result() != null) {
            FileIngestReceipt r = staged.result();
            r.counts().forEach((type, n) -> counts.merge(type, n, Integer::sum));
            addListed(pending, r.pending());
            addListed(repeated, r.alreadyRecorded());
        }
    }

    private static <T> void addListed(List<T> into, List<T> more) {
        for (int i = 0; i < more.size() && into.size() < LISTED; i++) {
            into.add(more.get(i));
        }
    }

    /**
     * Publishes the file in one transaction. In strict mode a reference still open refuses it
     * ({@link InvalidRecordsException}, nothing published; close to remove what was staged).
     */
    public FileIngestReceipt publish() {
        return publish(true);
    }

    /** {@code tidy}: false leaves the marks for a later {@link LedgeredWrite#tidy} (tests of the state a crash leaves). */
    FileIngestReceipt publish(boolean tidy) {
        if (replayed != null) {
            return new FileIngestReceipt(Map.of(), replayed.firstSeq(), replayed.lastSeq(), List.of(), List.of(),
                    true, null);
        }
        IngestLease at = lease;
        LedgeredWrite.Receipt<Void> r = unitOfWork.publish(at, header.requestHash(),
                tx -> StagedPublish.run(tx, at.committedSeq(), at.stagedSeq(), strict));
        done = true;
        if (tidy) {
            try {
                unitOfWork.tidy();
            } catch (RuntimeException e) {
                // the file is in and visible; the marks are harmless and the next start or publish removes them
                LOG.warn("{} is published; removing its staging marks stopped ({}), to be finished later",
                        lease.file(), e.toString());
            }
        }
        return new FileIngestReceipt(Map.copyOf(counts), r.commit().firstSeq(), r.commit().lastSeq(),
                List.copyOf(pending), List.copyOf(repeated), false, r.bookmarks());
    }

    /** Removes what was staged unless the file was published (or replayed). */
    @Override
    public void close() {
        if (!done) {
            done = true;
            unitOfWork.recover(lease);
        }
    }

}
