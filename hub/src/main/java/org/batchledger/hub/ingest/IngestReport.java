package org.batchledger.hub.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What happened to one file: the answer of {@code POST /api/ingest}, the drop folder's report file and the GraphQL
 * {@code IngestReport}. A refused file has {@code errors} and wrote nothing; {@code warnings} name what was read
 * leniently (and references kept open until their target arrives).
 *
 * @param mediaType        the file's media type as its adapter read it (detected by Tika for documents, the
 *                         format's for XML, CSV and JSON); null when no adapter read it
 * @param counts           records written per type (its SourceFile included)
 * @param firstSeq         first ledger entry written, null when nothing was
 * @param alreadyRecorded  records the file repeats with content already recorded: skipped
 * @param recordsPerSecond records read and written per second of the whole ingest
 */
public record IngestReport(String id, Status status, boolean duplicate, String fileName, String sha256,
                           long sizeBytes, String adapter, String mediaType, String channel, String receivedBy,
                           Instant receivedAt, Map<String, Integer> counts, Long firstSeq, Long lastSeq,
                           List<Finding> warnings, List<Finding> errors, List<String> alreadyRecorded, Timings timings,
                           double recordsPerSecond) {

    /** {@code BUSY}: another file's ingest held the ledger past the wait; nothing was written, send it again. */
    /**
     * {@code STORAGE_FAILED}: the hub could not keep the original on its disk (full, unwritable), or its graph
     * database failed to write (its disk full) or was unreachable; nothing was written, send it again once an operator
     * has fixed the storage (and, for a failed database, restarted it) or the database is back.
     */
    public enum Status { INGESTED, REFUSED, TOO_LARGE, BUSY, STORAGE_FAILED }

    /**
     * One problem or warning: the file, where in it (line, XPath, JSON pointer), which record and field, the rule.
     */
    public record Finding(String file, String locator, String record, String field, String rule, String message) {
    }

    /** Milliseconds spent receiving (spool + hash), parsing and checking, and writing. */
    public record Timings(long receiveMillis, long parseMillis, long writeMillis, long totalMillis) {
    }

    /** The earlier report, answered for a file already ingested. */
    IngestReport asDuplicate() {
        return new IngestReport(id, status, true, fileName, sha256, sizeBytes, adapter, mediaType, channel,
                receivedBy, receivedAt, counts, firstSeq, lastSeq, warnings, errors, alreadyRecorded, timings,
                recordsPerSecond);
    }

    int records() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
