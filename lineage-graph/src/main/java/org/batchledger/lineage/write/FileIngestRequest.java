package org.batchledger.lineage.write;

import java.util.List;
import java.util.Objects;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.SourceFile;

/**
 * The records read from one file, written with the file's {@link SourceFile} as one unit. The idempotency key is
 * the file's hash, so a file is written at most once whatever the retries.
 *
 * @param strict refuse references to records that are neither in the file nor recorded, instead of keeping them
 *               open until their target arrives
 */
public record FileIngestRequest(SourceFile sourceFile, List<LedgerRecord> records, Actor actor, String reason,
                                boolean strict) {
    public FileIngestRequest {
        Objects.requireNonNull(sourceFile, "sourceFile");
        records = List.copyOf(records);
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
    }

    public String idempotencyKey() {
        return "ingest:" + sourceFile.key();
    }

    /**
     * A file written in chunks ({@link ChunkedIngest}): what the single request says besides its records.
     *
     * @param sourceFileKey the file's SourceFile key, {@code sha256:<hex>}
     * @param fileName      the name the lease shows to writers that wait for it
     */
    public record Header(String sourceFileKey, String fileName, Actor actor, String reason, boolean strict) {
        public Header {
            Objects.requireNonNull(sourceFileKey, "sourceFileKey");
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
