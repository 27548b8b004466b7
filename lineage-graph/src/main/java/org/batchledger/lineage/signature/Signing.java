package org.batchledger.lineage.signature;

import java.time.Clock;
import java.time.Duration;
import org.batchledger.lineage.store.Bookmarks;
import org.batchledger.lineage.write.LedgeredWrite;
import org.batchledger.schema.record.Signature;

/** Takes electronic signatures as {@link SignRecord} commands on the {@link LedgeredWrite unit of work}. */
public final class Signing {
    private final LedgeredWrite unitOfWork;
    private final MeaningRules rules;
    private final Reauthentication reauthentication;
    private final Clock clock;

    /** @param reauthenticationWindow how recent the signer's last authentication must be (21 CFR 11.200) */
    public Signing(LedgeredWrite unitOfWork, MeaningRules rules, Duration reauthenticationWindow, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.rules = rules;
        this.reauthentication = new Reauthentication(reauthenticationWindow, clock);
        this.clock = clock;
    }

    /** The signature recorded, the entry that records it, and the bookmark to read it after. */
    public record Signed(Signature signature, long seq, boolean replayed, Bookmarks bookmarks) {
    }

    /** Signs, or refuses with a {@link SignatureRefusedException} naming the rule; a refusal writes nothing. */
    public Signed sign(SignRequest request) {
        LedgeredWrite.Receipt<Signed> r = unitOfWork.run(new SignRecord(request, rules, reauthentication, clock));
        Signed s = r.result();
        return new Signed(s.signature(), s.seq(), s.replayed(), r.bookmarks());
    }

    public MeaningRules rules() {
        return rules;
    }

    public java.time.Duration reauthenticationWindow() {
        return reauthentication.window();
    }
}
