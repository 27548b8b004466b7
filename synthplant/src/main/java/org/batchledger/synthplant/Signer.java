package org.batchledger.synthplant;

import java.time.Duration;
import java.time.Instant;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Batch.BatchStatus;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.Signature.SignatureMeaning;
import org.batchledger.synthplant.Staff.Person;

/**
 * E-signatures on packaging batches: performed by the operator, reviewed by QA, its audit trail reviewed by a QA
 * data-integrity reviewer, then released (or rejected) by a QP — four different people from disjoint pools. Each
 * binds to the content hash of the batch record exactly as emitted. A batch awaiting disposition has no QP
 * signature yet; two designed cases lack one more ({@link ReleaseCase#MISSING_REVIEW_SIGNATURE},
 * {@link ReleaseCase#AUDIT_TRAIL_REVIEW_MISSING}).
 */
final class Signer {
    private final PlantContext plant;

    Signer(PlantContext plant) {
        this.plant = plant;
    }

    /** {@code reviewFrom}: when the release test results (and investigations) are complete and QA can review. */
    void sign(Batch batch, Person performer, Instant reviewFrom, ReleaseCase design) {
        String hash = CanonicalJson.contentHash(batch);
        sign(batch, hash, performer, SignatureMeaning.PERFORMED, "Batch record executed as per master batch record",
                batch.endedAt().plus(plant.dice.minutes(10, 40)));
        Instant reviewed = reviewFrom.plus(Duration.ofHours(4 + plant.dice.upTo(20)));
        if (design != ReleaseCase.MISSING_REVIEW_SIGNATURE) {
            sign(batch, hash, plant.pick(Staff.REVIEWERS), SignatureMeaning.REVIEWED,
                    "Batch record and deviations reviewed", reviewed);
        }
        Instant auditTrail = reviewed.plus(Duration.ofHours(1 + plant.dice.upTo(5)));
        if (design != ReleaseCase.AUDIT_TRAIL_REVIEW_MISSING) {
            sign(batch, hash, plant.pick(Staff.AUDIT_TRAIL_REVIEWERS), SignatureMeaning.AUDIT_TRAIL_REVIEWED,
                    "Audit trail of the batch's records reviewed: no unexplained changes", auditTrail);
        }
        if (batch.status() == BatchStatus.UNDER_REVIEW) {
            return;
        }
        boolean released = batch.status() == BatchStatus.RELEASED;
        sign(batch, hash, plant.pick(Staff.RELEASERS),
                released ? SignatureMeaning.RELEASED : SignatureMeaning.REJECTED,
                released ? "Certified for release to market" : "Rejected: confirmed OOS",
                auditTrail.plus(Duration.ofHours(2 + plant.dice.upTo(22))));
    }

    private void sign(Batch batch, String hash, Person signer, SignatureMeaning meaning, String reason, Instant at) {
        var n = plant.keys.next("signature", "SIG");
        plant.emit(new Signature(n.key(), RecordRef.of(batch), hash, signer.username(), signer.printedName(), meaning,
                reason, at, null, plant.provenance(n.locator(), signer, at)));
    }
}
