package org.batchledger.lineage.write;

import java.util.Map;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.schema.record.RecordType;

/**
 * Writes canonical records and their ledger entries as one {@link CreateRecords} command on the
 * {@link LedgeredWrite unit of work}: the entry point of the demo plant, benchmarks, ingest and the hub.
 */
public final class RecordWriter {
    public static final String ACTION_CREATE = CreateRecords.ACTION;

    private final LedgeredWrite unitOfWork;

    public RecordWriter(GraphDatabase db, LedgerAppender ledger) {
        this(new LedgeredWrite(db, ledger));
    }

    public RecordWriter(LedgeredWrite unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    public WriteReceipt write(WriteRequest request) {
        LedgeredWrite.Receipt<Map<RecordType, Integer>> r = unitOfWork.run(new CreateRecords(request));
        return new WriteReceipt(request.idempotencyKey(), r.result(), r.commit().firstSeq(), r.commit().lastSeq(),
                r.commit().headHash(), r.commit().replayed(), r.bookmarks());
    }
}
