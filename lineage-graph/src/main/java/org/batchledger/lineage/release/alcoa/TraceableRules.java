package org.batchledger.lineage.release.alcoa;

import static org.batchledger.lineage.release.alcoa.AlcoaPrinciple.TRACEABLE;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.TestResult;

/** Traceable: every record reachable from the batch through the graph, bound to what it is about. */
final class TraceableRules {
    private TraceableRules() {
    }

    static List<RuleDefinition> all() {
        return List.of(
                RuleDefinition.of("ALCOA-T-001", TRACEABLE, "Results linked to the batch",
                        "A test result that names a sample of the batch or of a lot it produced is linked to it, "
                                + "so it is reachable from the batch (a result whose sample matches both a lot and a "
                                + "batch stays unlinked until resolved).", TraceableRules::linked),
                RuleDefinition.of("ALCOA-T-002", TRACEABLE, "Signature bound to a recorded version",
                        "A signature the hub took names the content hash of a version of the record it signs, "
                                + "so what was signed can be shown.", TraceableRules::bound),
                RuleDefinition.of("ALCOA-T-003", TRACEABLE, "Consumed lots lead to their material",
                        "Every lot the batch consumed is linked to the material it is a lot of, so the genealogy "
                                + "can be followed upstream.", (records, rule, sink) ->
                                records.typed(Consumption.class).forEach(t -> sink.expect(t.item(),
                                        records.lotsWithMaterial().getOrDefault(t.record().lotKey(), false),
                                        () -> "consumed lot " + t.record().lotKey() + ", which is linked to no material",
                                        Evidence.of("lot " + t.record().lotKey(),
                                                new RecordRef(RecordType.LOT, t.record().lotKey()))))));
    }

    private static void linked(BatchRecords records, AlcoaRule rule, RuleSink sink) {
        records.typed(TestResult.class).forEach(t -> sink.evaluated(t.item()));
        records.unlinkedResults().forEach(i -> sink.finding(i, "names sample " + (i.record() instanceof TestResult t
                ? t.sampleId() : "?") + " of this batch or its lots but is not linked to it",
                records.batch().evidence()));
    }

    private static void bound(BatchRecords records, AlcoaRule rule, RuleSink sink) {
        Map<RecordRef, Item> byRef = records.items().stream()
                .collect(Collectors.toMap(Item::ref, Function.identity(), (a, b) -> a));
        records.typed(Signature.class).stream().filter(t -> t.record().capturedIn() == null).forEach(t -> {
            Signature s = t.record();
            Optional<Item> signed = Optional.ofNullable(s.signs()).map(byRef::get);
            boolean ok = signed.isPresent() && signed.get().history().stream()
                    .anyMatch(v -> v.contentHash() != null && v.contentHash().equals(s.signedContentHash()));
            sink.expect(t.item(), ok, () -> "signs " + s.signs() + " with content hash " + s.signedContentHash()
                    + ", which no recorded version of it has", signed.map(Item::evidence).stream().toArray(Evidence[]::new));
        });
    }
}
