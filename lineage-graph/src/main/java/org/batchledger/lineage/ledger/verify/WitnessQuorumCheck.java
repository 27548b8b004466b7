package org.batchledger.lineage.ledger.verify;

import java.util.List;
import java.util.Map;
import org.batchledger.verifier.proof.Cosignature;
import org.neo4j.driver.Value;

/**
 * The newest stored checkpoint must carry valid cosignatures of at least {@code required} distinct configured
 * witnesses (k of n): without them nobody outside the hub has checked that history was only appended to.
 */
final class WitnessQuorumCheck {
    private static final String NEWEST = """
            MATCH (c:Checkpoint) RETURN c.treeSize AS size, c.note AS note, c.cosignatures AS cosignatures
            ORDER BY c.treeSize DESC LIMIT 1""";

    private final List<Cosignature.Witness> witnesses;
    private final int required;

    WitnessQuorumCheck(List<Cosignature.Witness> witnesses, int required) {
        if (required < 0 || required > witnesses.size()) {
            throw new IllegalArgumentException("cannot require " + required + " cosignatures from "
                    + witnesses.size() + " configured witnesses");
        }
        this.witnesses = List.copyOf(witnesses);
        this.required = required;
    }

    void check(org.batchledger.lineage.store.GraphDatabase db, Findings findings) {
        if (required == 0) {
            return;
        }
        var newest = db.read(tx -> tx.run(NEWEST, Map.of()).list());
        if (newest.isEmpty()) {
            findings.problem("no stored checkpoint to carry the " + required + " witness cosignatures required");
            return;
        }
        Value cosignatures = newest.getFirst().get("cosignatures");
        String note = newest.getFirst().get("note").asString()
                + (cosignatures.isNull() ? "" : String.join("", cosignatures.asList(Value::asString)));
        Cosignature.Quorum quorum = Cosignature.quorum(note, witnesses, required);
        if (!quorum.met()) {
            findings.problem("stored checkpoint " + newest.getFirst().get("size").asLong() + ": "
                    + quorum.describe());
        }
    }
}
