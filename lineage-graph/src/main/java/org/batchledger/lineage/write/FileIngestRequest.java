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
}
