package org.batchledger.lineage.release.alcoa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.batchledger.lineage.ledger.LedgerArgumentException;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.release.Specifications;

/**
 * Evaluates a rule set over every record of one batch at one tree size. One read transaction of at most
 * {@value #QUERIES} queries, whatever the number of records or rules: the head and last checkpoint, then
 * {@link BatchRecordsQuery}; the rules run in memory over what it read. Without an {@code asOf} the evaluation is
 * pinned to the head's tree size read in the same transaction, and says so ({@link AlcoaEvaluation#treeSize()}).
 */
public final class AlcoaEngine {
    /** Queries per evaluation (an upper bound; the equipment query is skipped for a batch that used none). */
    public static final int QUERIES = 1 + BatchRecordsQuery.QUERIES;
    private static final String HEAD = """
            OPTIONAL MATCH (h:LedgerHead {id: 'main'})
            WITH coalesce(h.treeSize, 0) AS treeSize
            OPTIONAL MATCH (c:Checkpoint)
            RETURN treeSize, coalesce(max(c.treeSize), 0) AS checkpoint""";

    private final GraphDatabase db;
    private final AlcoaRuleSet ruleSet;
    private final Specifications specifications;
    private final RawDataStore rawData;

    public AlcoaEngine(GraphDatabase db, AlcoaRuleSet ruleSet, Specifications specifications, RawDataStore rawData) {
        this.db = db;
        this.ruleSet = ruleSet;
        this.specifications = specifications;
        this.rawData = rawData;
    }

    public AlcoaRuleSet ruleSet() {
        return ruleSet;
    }

    /**
     * @throws UnknownBatchException   when the batch is not recorded at that tree size
     * @throws LedgerArgumentException naming {@code asOf} when the ledger has no such tree size
     */
    public AlcoaEvaluation evaluate(String batchKey, AsOf asOf) {
        return find(batchKey, asOf).orElseThrow(() -> new UnknownBatchException(batchKey, asOf.isCurrent() ? -1
                : asOf.treeSize()));
    }

    /**
     * The evaluation, or empty when the batch is not recorded at that tree size.
     *
     * @throws LedgerArgumentException naming {@code asOf} when the ledger has no such tree size
     */
    public Optional<AlcoaEvaluation> find(String batchKey, AsOf asOf) {
        Optional<BatchRecords> records = db.read(tx -> {
            var head = tx.run(HEAD, Map.of()).single();
            long size = head.get("treeSize").asLong();
            if (!asOf.isCurrent()) {
                if (asOf.treeSize() < 0 || asOf.treeSize() > size) {
                    throw new LedgerArgumentException("asOf", "is " + asOf.treeSize() + ", outside the ledger's "
                            + "sizes 0.." + size);
                }
                size = asOf.treeSize();
            }
            return BatchRecordsQuery.read(tx, batchKey, size, head.get("checkpoint").asLong(), specifications,
                    rawData);
        });
        return records.map(r -> score(batchKey, r));
    }

    private AlcoaEvaluation score(String batchKey, BatchRecords records) {
        Map<AlcoaPrinciple, Set<RecordRef>> evaluated = new EnumMap<>(AlcoaPrinciple.class);
        Map<AlcoaPrinciple, List<AlcoaFinding>> findings = new EnumMap<>(AlcoaPrinciple.class);
        for (AlcoaPrinciple p : AlcoaPrinciple.values()) {
            evaluated.put(p, new LinkedHashSet<>());
            findings.put(p, new ArrayList<>());
        }
        Map<String, Integer> byRule = new java.util.LinkedHashMap<>();
        for (AlcoaRuleSet.Bound b : ruleSet.bound()) {
            RuleSink sink = new RuleSink(b.rule());
            b.definition().check().run(records, b.rule(), sink);
            byRule.put(b.rule().id(), sink.evaluatedRecords().size());
            evaluated.get(b.rule().principle()).addAll(sink.evaluatedRecords());
            findings.get(b.rule().principle()).addAll(sink.findings());
        }
        List<String> order = ruleSet.rules().stream().map(AlcoaRule::id).toList();
        List<PrincipleResult> principles = new ArrayList<>();
        List<AlcoaFinding> all = new ArrayList<>();
        Set<RecordRef> seen = new HashSet<>();
        for (AlcoaPrinciple p : AlcoaPrinciple.values()) {
            List<AlcoaFinding> found = findings.get(p);
            found.sort(Comparator.comparing((AlcoaFinding f) -> order.indexOf(f.rule().id()))
                    .thenComparing(f -> f.record().toString()));
            principles.add(result(p, evaluated.get(p), found));
            all.addAll(found);
            seen.addAll(evaluated.get(p));
        }
        records.items().forEach(i -> seen.add(i.ref()));
        return new AlcoaEvaluation(batchKey, records.batchRecord(), ruleSet.version(), records.treeSize(), seen.size(), principles, all,
                byRule);
    }


    private static PrincipleResult result(AlcoaPrinciple p, Set<RecordRef> evaluated, List<AlcoaFinding> found) {
        if (evaluated.isEmpty()) {
            return new PrincipleResult(p, 1.0, AlcoaStatus.NOT_EVALUATED, 0, found);
        }
        long flagged = found.stream().map(AlcoaFinding::record).distinct().count();
        double score = (double) (evaluated.size() - flagged) / evaluated.size();
        AlcoaStatus status = found.isEmpty() ? AlcoaStatus.MET
                : found.stream().anyMatch(f -> f.severity() == FindingSeverity.CRITICAL) ? AlcoaStatus.CRITICAL
                : AlcoaStatus.FINDINGS;
        return new PrincipleResult(p, score, status, evaluated.size(), found);
    }
}
