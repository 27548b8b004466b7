package org.batchledger.lineage.write;

import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.store.GraphDatabase;

/**
 * Corrects records as {@link CorrectRecord} commands on the {@link LedgeredWrite unit of work}; the
 * {@link CorrectionRules} decide which fields and who.
 */
public final class RecordCorrector {
    public static final String ACTION_CORRECT = CorrectRecord.ACTION;

    private final LedgeredWrite unitOfWork;

    public RecordCorrector(GraphDatabase db, LedgerAppender ledger) {
        this(new LedgeredWrite(db, ledger));
    }

    public RecordCorrector(LedgeredWrite unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    public CorrectionReceipt correct(CorrectionRequest request) {
        LedgeredWrite.Receipt<CorrectionReceipt> r = unitOfWork.run(new CorrectRecord(request));
        CorrectionReceipt c = r.result();
        return new CorrectionReceipt(c.record(), c.version(), c.seq(), c.contentHash(), c.supersedesHash(),
                r.commit().replayed(), r.bookmarks());
    }
}
