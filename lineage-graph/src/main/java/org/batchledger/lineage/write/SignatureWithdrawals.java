package org.batchledger.lineage.write;

import java.time.Clock;
import org.batchledger.lineage.store.Bookmarks;
import org.batchledger.schema.record.SignatureWithdrawal;

/** Withdraws signatures as {@link WithdrawSignature} commands on the {@link LedgeredWrite unit of work}. */
public final class SignatureWithdrawals {
    private final LedgeredWrite unitOfWork;
    private final Clock clock;

    public SignatureWithdrawals(LedgeredWrite unitOfWork, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** The withdrawal recorded, the entry that records it, and the bookmark to read it after. */
    public record Receipt(SignatureWithdrawal withdrawal, long seq, boolean replayed, Bookmarks bookmarks) {
    }

    public Receipt withdraw(WithdrawalRequest request) {
        LedgeredWrite.Receipt<SignatureWithdrawal> r = unitOfWork.run(new WithdrawSignature(request, clock));
        return new Receipt(r.result(), r.commit().lastSeq(), r.commit().replayed(), r.bookmarks());
    }
}
