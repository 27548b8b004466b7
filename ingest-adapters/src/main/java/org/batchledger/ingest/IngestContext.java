package org.batchledger.ingest;

import java.time.Instant;
import java.util.Objects;

/**
 * What an adapter needs besides the bytes.
 *
 * @param sourceId   the provenance source of every record, {@code file:sha256:<hex>}
 * @param namespace  prefix of every business key the file names ({@code <namespace>:<id>}), so that two systems'
 *                   {@code LOT-1} stay apart and a LIMS result finds the MES lot of the same site
 * @param recordedBy the adapter client (or user) that delivered the file
 * @param recordedAt when the hub received it
 * @param mapping    optional mapping document (CSV column layouts), raw bytes; null when none was given
 * @param strict     refuse results that name no known lot or batch instead of keeping them unlinked
 * @param about      what the sender says the file is about, {@code Lot:<id>}, {@code Batch:<id>} or a bare id (a
 *                   document's lot or batch); null when not given
 */
public record IngestContext(String sourceId, String namespace, String recordedBy, Instant recordedAt, byte[] mapping,
                            boolean strict, String about) {
    public IngestContext {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    public IngestContext(String sourceId, String namespace, String recordedBy, Instant recordedAt, byte[] mapping,
                         boolean strict) {
        this(sourceId, namespace, recordedBy, recordedAt, mapping, strict, null);
    }

    /** The key of a record the file names by {@code id}. */
    public String key(String id) {
        return namespace + ":" + id.strip();
    }
}
