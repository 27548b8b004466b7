package org.batchledger.lineage.release.alcoa;

import static org.batchledger.lineage.release.alcoa.AlcoaPrinciple.ATTRIBUTABLE;
import static org.batchledger.lineage.release.alcoa.Values.blank;

import java.util.List;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.StepRecord;
import org.batchledger.schema.record.TestResult;

/** Attributable: who did it and who recorded it are known, and the ledger knows who wrote it. */
final class AttributableRules {
    private AttributableRules() {
    }

    static List<RuleDefinition> all() {
        return List.of(
                RuleDefinition.of("ALCOA-A-001", ATTRIBUTABLE, "Written by an authenticated actor",
                        "The ledger entry that wrote each version of the record names the authenticated subject and "
                                + "the client it came through.", AttributableRules::authenticated),
                RuleDefinition.of("ALCOA-A-002", ATTRIBUTABLE, "Capturer named",
                        "The record names who captured it (recordedBy).", (records, rule, sink) ->
                                records.items().stream().filter(i -> i.record() != null).forEach(i -> sink.expect(i,
                                        !blank(i.record().provenance().recordedBy()),
                                        "names nobody as having recorded it (recordedBy is blank)"))),
                RuleDefinition.of("ALCOA-A-003", ATTRIBUTABLE, "Performer named",
                        "A step record names who performed it, a test result with an outcome its analyst, a "
                                + "signature its signer's subject and printed name.", AttributableRules::performer));
    }

    private static void authenticated(BatchRecords records, AlcoaRule rule, RuleSink sink) {
        for (Item item : records.items()) {
            for (Item.Version v : item.history()) {
                LedgerEntry e = records.entries().get(v.seq());
                if (e == null) {
                    continue; // a missing entry is ALCOA-AV-002's finding
                }
                sink.expect(item, !blank(e.actorSubject()) && !blank(e.actorClient()), () -> "version " + v.version()
                        + " was written by ledger entry " + v.seq() + ", which names no authenticated subject or client");
            }
        }
    }

    private static void performer(BatchRecords records, AlcoaRule rule, RuleSink sink) {
        records.typed(StepRecord.class).forEach(t -> sink.expect(t.item(), !blank(t.record().performedBy()),
                () -> "step " + t.record().step() + " / " + t.record().parameter() + " names nobody as having performed it"));
        records.typed(TestResult.class).stream()
                .filter(t -> t.record().outcome() != TestResult.TestOutcome.PENDING)
                .forEach(t -> sink.expect(t.item(), !blank(t.record().analyst()),
                        () -> "test " + t.record().test() + " has an outcome but names no analyst"));
        records.typed(Signature.class).forEach(t -> sink.expect(t.item(),
                !blank(t.record().signerSubject()) && !blank(t.record().printedName()),
                "the signature lacks its signer's subject or printed name"));
    }
}
