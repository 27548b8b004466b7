package org.batchledger.lineage.release.alcoa;

import static org.batchledger.lineage.release.alcoa.AlcoaPrinciple.ENDURING;

import java.util.List;

/** Enduring: the record is sealed in the ledger by a signed checkpoint, and is still what was sealed. */
final class EnduringRules {
    private EnduringRules() {
    }

    static List<RuleDefinition> all() {
        return List.of(
                RuleDefinition.of("ALCOA-E-001", ENDURING, "Covered by a signed checkpoint",
                        "The ledger entry of the record's version is inside a checkpoint the hub has signed, so "
                                + "any later change to it would be provable.", (records, rule, sink) ->
                                records.items().forEach(i -> sink.expect(i, i.seq() <= records.checkpointSize(),
                                        () -> "is in ledger entry " + i.seq() + ", after the last signed checkpoint (size "
                                                + records.checkpointSize() + ")"))),
                RuleDefinition.of("ALCOA-E-002", ENDURING, "Content matches its hash",
                        "The record as stored still hashes to the content hash its ledger entry was written with: "
                                + "nothing changed it in the database.", EnduringRules::hashes));
    }

    private static void hashes(BatchRecords records, AlcoaRule rule, RuleSink sink) {
        records.items().stream().filter(i -> i.record() != null).forEach(i -> {
            String stored = i.current().contentHash();
            String actual = StoredContentHashes.of(i.ref().type(), i.stored());
            sink.expect(i, actual.equals(stored), () -> "as stored hashes to " + actual + ", not to its recorded content "
                    + "hash " + stored + ": it was changed outside the ledger");
        });
    }
}
