package org.batchledger.lineage.testsupport;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.ledger.checkpoint.CheckpointLog;
import org.batchledger.lineage.ledger.checkpoint.Checkpoints;
import org.batchledger.lineage.ledger.proof.HubKeys;
import org.batchledger.verifier.proof.NoteSigner;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Material;
import org.batchledger.schema.record.Production;
import org.batchledger.schema.record.Provenance;

/** Ledger fixtures: one granulation step per call (7 records), an operator, and a checkpoint signer. */
public final class SmallPlant {
    public static final Instant T0 = Instant.parse("2026-03-02T07:00:00Z");
    public static final Actor OPERATOR = new Actor("sub-op", "Olivia Operator", List.of("operator"), "hub-cli");
    public static final String ORIGIN = "batchledger.hub/test";

    private SmallPlant() {
    }

    public static Provenance provenance(String locator) {
        return new Provenance("mes:test", locator, "operator", T0.plusSeconds(60), T0);
    }

    public static Lot lot(String key, String materialKey) {
        return new Lot(key, materialKey, Lot.LotStatus.IN_STOCK, 250.0, "kg", "Meggle", "SUP-" + key, null,
                provenance("l/" + key));
    }

    /** Material in and out, a lot in, a batch, a lot out, the consumption and the production. */
    public static List<LedgerRecord> step(String suffix) {
        return List.of(
                new Material("t:MAT-IN" + suffix, "Lactose", Material.MaterialKind.EXCIPIENT, "kg", provenance("m")),
                new Material("t:MAT-OUT" + suffix, "Granulate", Material.MaterialKind.INTERMEDIATE, "kg",
                        provenance("m")),
                lot("t:LOT-IN" + suffix, "t:MAT-IN" + suffix),
                new Batch("t:B" + suffix, "t:MAT-OUT" + suffix, "GRANULATION", Batch.BatchStatus.COMPLETED, "MBR-7",
                        T0, T0.plusSeconds(7200), provenance("b")),
                lot("t:LOT-OUT" + suffix, "t:MAT-OUT" + suffix),
                new Consumption("t:C" + suffix, "t:LOT-IN" + suffix, "t:B" + suffix, 120.5, "kg", "charge",
                        T0.plusSeconds(600), provenance("c")),
                new Production("t:P" + suffix, "t:B" + suffix, "t:LOT-OUT" + suffix, 118.25, "kg", provenance("p")));
    }

    public static NoteSigner signer(Path keyDirectory) {
        return HubKeys.loadOrCreate(keyDirectory, ORIGIN);
    }

    public static Checkpoints checkpoints(GraphDatabase db, Path keyDirectory) {
        return new Checkpoints(db, signer(keyDirectory), CheckpointLog.beside(keyDirectory), Clock.systemUTC());
    }
}
