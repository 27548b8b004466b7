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
 * E-signatures on packaging batches: performed by the operator, reviewed by QA, released (or rejected) by a QP —
 * three different people. Each binds to the content hash of the batch record exactly as emitted.
 */
final class Signer {
    private final PlantContext plant;

    Signer(PlantContext plant) {
        this.plant = plant;
    }

    /** {@code reviewFrom}: when the release test results are complete and QA can review. */
    void sign(Batch batch, Person performer, Instant reviewFrom) {
        String hash = CanonicalJson.contentHash(batch);
        sign(batch, hash, performer, SignatureMeaning.PERFORMED, "Batch record executed as per master batch record",
                batch.endedAt().plus(plant.dice.minutes(10, 40)));
        if (batch.status() == BatchStatus.UNDER_REVIEW) {
            return;
        }
        Instant reviewed = reviewFrom.plus(Duration.ofHours(4 + plant.dice.upTo(20)));
        sign(batch, hash, plant.pick(Staff.REVIEWERS), SignatureMeaning.REVIEWED,
                "Batch record and deviations reviewed", reviewed);
        boolean released = batch.status() == BatchStatus.RELEASED;
        sign(batch, hash, plant.pick(Staff.RELEASERS),
                released ? SignatureMeaning.RELEASED : SignatureMeaning.REJECTED,
                released ? "Certified for release to market" : "Rejected: confirmed OOS",
                reviewed.plus(Duration.ofHours(2 + plant.dice.upTo(22))));
    }

    private void sign(Batch batch, String hash, Person signer, SignatureMeaning meaning, String reason, Instant at) {
        var n = plant.keys.next("signature", "SIG");
        plant.emit(new Signature(n.key(), RecordRef.of(batch), hash, signer.username(), signer.printedName(), meaning,
                reason, at, null, plant.provenance(n.locator(), signer, at)));
    }
}
