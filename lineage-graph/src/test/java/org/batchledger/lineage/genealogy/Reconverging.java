package org.batchledger.lineage.genealogy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Material;
import org.batchledger.schema.record.Production;
import org.batchledger.schema.record.Provenance;

/**
 * Hand-made worst cases for path enumeration. A ladder of {@code n} diamonds of {@code width} — lot L(i) consumed
 * by {@code width} batches whose lots all go into C(i), which makes L(i+1) — has width^n paths but
 * (3 width + 1) n edges. A fan is one lot
 * consumed by {@code n} batches whose lots all go into one batch: a supernode and a reconvergence at once.
 */
public final class Reconverging {
    private static final Provenance P = new Provenance("test:ladder", null, "test", Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2026-01-01T00:00:00Z"));
    private final List<LedgerRecord> records = new ArrayList<>();
    private final String ns;

    private Reconverging(String ns) {
        this.ns = ns;
        records.add(new Material(ns + "M", "ladder material", Material.MaterialKind.INTERMEDIATE, "kg", P));
        lot("L0");
    }

    public static List<LedgerRecord> ladder(String ns, int n, int width) {
        var r = new Reconverging(ns);
        for (int i = 0; i < n; i++) {
            int layer = i;
            r.step("L" + i, java.util.stream.IntStream.range(0, width).mapToObj(w -> "S" + layer + "." + w).toList(),
                    "C" + i, "L" + (i + 1));
        }
        return r.records;
    }

    public static List<LedgerRecord> fan(String ns, int n) {
        var r = new Reconverging(ns);
        r.step("L0", java.util.stream.IntStream.range(0, n).mapToObj(i -> "F" + i).toList(), "J", "L1");
        return r.records;
    }

    /** {@code in} is consumed by each of {@code splits}; their lots all go into {@code join}, which makes {@code out}. */
    private void step(String in, List<String> splits, String join, String out) {
        batch(join);
        for (String s : splits) {
            batch(s);
            consume(in, s);
            lot(s + "-out");
            produce(s, s + "-out");
            consume(s + "-out", join);
        }
        lot(out);
        produce(join, out);
    }

    private void lot(String name) {
        records.add(new Lot(ns + name, ns + "M", Lot.LotStatus.IN_STOCK, 1.0, "kg", null, null, null, P));
    }

    private void batch(String name) {
        records.add(new Batch(ns + name, ns + "M", "BLEND", Batch.BatchStatus.COMPLETED, null, null, null, P));
    }

    private void consume(String lot, String batch) {
        records.add(new Consumption(ns + "cons:" + lot + ">" + batch, ns + lot, ns + batch, 1.0, "kg", "s1", null, P));
    }

    private void produce(String batch, String lot) {
        records.add(new Production(ns + "prod:" + batch + ">" + lot, ns + batch, ns + lot, 1, "kg", P));
    }
}
