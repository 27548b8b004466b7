package org.batchledger.lineage.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.store.Visibility;
import org.batchledger.lineage.write.CreatingCommand.NewVersion;
import org.batchledger.schema.json.RecordProperties;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.RecordType;

/**
 * What withdrawing a disposition's signature undoes: the status the disposition gave the batch and its lots
 * (RELEASED, REJECTED) goes back to the status each had before, as new versions ({@code TRANSITION} entries, old →
 * new in the audit trail) in the withdrawal's own write. A disposition writes its new versions right before its
 * signature, batch first, so they are the versions of the batch and its lots from the batch's last version before the
 * signature up to it, when those entries are all theirs and the batch's status changed there to the decision (a
 * RELEASED or REJECTED decision names the status it gives; ON_HOLD and CONDITIONALLY_RELEASED change none). A record whose
 * status has moved on since (a lot consumed downstream) keeps it; other fields corrected since are kept.
 */
final class DispositionReversal {
    static final String ACTION = "TRANSITION";
    private static final String WRITTEN = """
            MATCH (d:Disposition {signatureKey: $key}) WHERE""" + Visibility.current("d") + """
            MATCH (s:Signature {key: $key, version: 1})
            MATCH (b:Batch {key: d.batchKey}) WHERE b.ledgerSeq < s.ledgerSeq
            WITH d, s, b ORDER BY b.ledgerSeq DESC LIMIT 1
            WHERE b.status = d.decision
            MATCH (before:Batch {key: b.key, version: b.version - 1}) WHERE before.status <> b.status
            OPTIONAL MATCH (:Batch {key: b.key})-[p:PRODUCED]->(l0:Lot)
            WITH s, b, before, collect(DISTINCT l0.key) AS lotKeys
            OPTIONAL MATCH (l:Lot) WHERE l.key IN lotKeys AND b.ledgerSeq < l.ledgerSeq < s.ledgerSeq
            OPTIONAL MATCH (lb:Lot {key: l.key, version: l.version - 1})
            WITH s, b, before, collect(CASE WHEN l IS NULL THEN null
                                            ELSE {key: l.key, written: l.status, before: lb.status} END) AS lots
            WHERE size(lots) = s.ledgerSeq - b.ledgerSeq - 1
            RETURN b.key AS batch, b.status AS written, before.status AS before, lots""";
    private static final String CURRENT = """
            MATCH (n:%s {key: $key}) WHERE""" + Visibility.current("n") + """
            RETURN properties(n) AS p, coalesce(n.version, 1) AS version, n.contentHash AS hash""";

    private DispositionReversal() {
    }

    /** The new versions that put back what the disposition signed by {@code signatureKey} changed; none if nothing. */
    static List<NewVersion> of(Tx tx, String signatureKey) {
        var rows = tx.run(WRITTEN, Map.of("key", signatureKey)).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        var row = rows.getFirst();
        List<NewVersion> out = new ArrayList<>();
        var batch = current(tx, RecordType.BATCH, row.get("batch").asString());
        Batch b = RecordProperties.toRecord(batch.get("p").asMap(), Batch.class);
        if (b.status().name().equals(row.get("written").asString())) {
            out.add(new NewVersion(b.withStatus(Batch.BatchStatus.valueOf(row.get("before").asString())),
                    batch.get("version").asLong(), batch.get("hash").asString(), ACTION));
        }
        for (var lot : row.get("lots").asList(v -> v)) {
            var current = current(tx, RecordType.LOT, lot.get("key").asString());
            Lot l = RecordProperties.toRecord(current.get("p").asMap(), Lot.class);
            if (!lot.get("before").isNull() && l.status().name().equals(lot.get("written").asString())) {
                out.add(new NewVersion(l.withStatus(Lot.LotStatus.valueOf(lot.get("before").asString())),
                        current.get("version").asLong(), current.get("hash").asString(), ACTION));
            }
        }
        return out;
    }

    private static org.neo4j.driver.Record current(Tx tx, RecordType type, String key) {
        return tx.run(CURRENT.formatted(type.graphName()), Map.of("key", key)).single();
    }
}
