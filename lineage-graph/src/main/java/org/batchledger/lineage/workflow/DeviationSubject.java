package org.batchledger.lineage.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.store.Visibility;
import org.batchledger.lineage.workflow.Workflow.Transition;
import org.batchledger.lineage.write.RefusalRule;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.Deviation.Classification;
import org.batchledger.schema.record.Deviation.DeviationStatus;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/**
 * The deviation as its workflow moves it: a root cause where the transition requires one; a CAPA reference for the
 * severities that need one, which, when it names a CAPA recorded in the hub, must be one addressing this deviation;
 * and at the transition that classifies, a classification and the impact assessment from the genealogy.
 */
final class DeviationSubject implements Subject<DeviationStatus, Deviation> {
    /** The most batches an impact assessment lists (equipment used for years reaches many): the rest is cut. */
    static final int ASSESSMENT_LIMIT = 200;
    private static final String CAPA = "MATCH (c:Capa {key: $key}) WHERE " + Visibility.current("c") + " RETURN c.deviations AS d";
    // Genealogy edges join version 1 of their nodes; a superseded edge no longer counts. Each pattern has fixed length.
    private static final String IMPACT = """
            UNWIND $refs AS ref
            CALL (ref) {
              MATCH (b:Batch {version: 1}) WHERE ref.type = 'Batch' AND b.key = ref.key
              MATCH (b)<-[c1:CONSUMED_IN]-(:Lot)-[c2:CONSUMED_IN]->(o:Batch)
              WHERE""" + Visibility.current("c1") + """
              AND""" + Visibility.current("c2") + """
              RETURN o
              UNION
              MATCH (b:Batch {version: 1}) WHERE ref.type = 'Batch' AND b.key = ref.key
              MATCH (b)-[u1:USED]->(:Equipment)<-[u2:USED]-(o:Batch)
              WHERE""" + Visibility.current("u1") + """
              AND""" + Visibility.current("u2") + """
              RETURN o
              UNION
              MATCH (b:Batch {version: 1}) WHERE ref.type = 'Batch' AND b.key = ref.key
              MATCH (b)-[p:PRODUCED]->(:Lot)-[c:CONSUMED_IN]->(o:Batch)
              WHERE""" + Visibility.current("p") + """
              AND""" + Visibility.current("c") + """
              RETURN o
              UNION
              MATCH (l:Lot {version: 1})-[c:CONSUMED_IN]->(o:Batch)
              WHERE ref.type = 'Lot' AND l.key = ref.key AND""" + Visibility.current("c") + """
              RETURN o
              UNION
              MATCH (e:Equipment {version: 1})<-[u:USED]-(o:Batch)
              WHERE ref.type = 'Equipment' AND e.key = ref.key AND""" + Visibility.current("u") + """
              RETURN o
            }
            WITH DISTINCT o.key AS key WHERE NOT key IN $impacted
            RETURN key ORDER BY key LIMIT $limit""";

    @Override
    public RecordType type() {
        return RecordType.DEVIATION;
    }

    @Override
    public Class<Deviation> recordClass() {
        return Deviation.class;
    }

    @Override
    public DeviationStatus state(Deviation d) {
        return d.status();
    }

    @Override
    public void require(Tx tx, Deviation current, Transition<DeviationStatus> t, TransitionRequest request,
                        String record) {
        Map<String, Object> facts = Map.of("state", current.status().name(), "transition", t.name());
        if (t.requiresRootCause() && TakeTransition.blankToNull(request.rootCause()) == null) {
            throw new TransitionRefusedException(record, WorkflowRule.ROOT_CAUSE, facts);
        }
        String capa = TakeTransition.blankToNull(request.capaReference());
        if (t.capaRequiredFor().contains(current.severity()) && capa == null) {
            throw new TransitionRefusedException(record, new RefusalRule(WorkflowRule.CAPA.id(), t.name() + " of a "
                    + current.severity() + " deviation needs the reference of the CAPA that addresses it",
                    RefusalRule.Kind.BAD_REQUEST), facts);
        }
        if (capa != null) {
            var rows = tx.run(CAPA, Map.of("key", capa)).list();
            if (!rows.isEmpty() && !rows.getFirst().get("d").asList(v -> v.asString()).contains(record)) {
                Map<String, Object> link = new LinkedHashMap<>(facts);
                link.put("capa", RecordType.CAPA.graphName() + ":" + capa);
                throw new TransitionRefusedException(record, WorkflowRule.CAPA_LINK, link);
            }
        }
        if (t.classifies() && classification(request) == null) {
            Map<String, Object> c = new LinkedHashMap<>(facts);
            c.put("classifications", List.of(Classification.values()).stream().map(Enum::name).toList());
            throw new TransitionRefusedException(record, WorkflowRule.CLASSIFICATION, c);
        }
    }

    private static Classification classification(TransitionRequest request) {
        try {
            return request.classification() == null ? null
                    : Classification.valueOf(request.classification().strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public Deviation moved(Tx tx, Deviation d, Transition<DeviationStatus> t, TransitionRequest request, Instant now) {
        Classification classification = t.classifies() ? classification(request) : d.classification();
        List<RecordRef> assessment = t.classifies() ? assess(tx, d.impacts()) : d.impactAssessment();
        return new Deviation(d.key(), d.title(), d.severity(), t.to(), d.impacts(), d.openedAt(),
                t.to() == DeviationStatus.CLOSED ? now : d.closedAt(), classification, assessment, d.provenance());
    }

    /**
     * The other batches that used what the deviation impacts: for an impacted batch, batches that consumed the same
     * lots, used the same equipment or consumed its output; for a lot, batches that consumed it; for equipment,
     * batches that used it. At most {@link #ASSESSMENT_LIMIT}, by key.
     */
    static List<RecordRef> assess(Tx tx, List<RecordRef> impacts) {
        List<Map<String, Object>> refs = new ArrayList<>();
        impacts.forEach(r -> refs.add(Map.of("type", r.type().graphName(), "key", r.key())));
        List<String> impacted = impacts.stream().filter(r -> r.type() == RecordType.BATCH).map(RecordRef::key).toList();
        return tx.run(IMPACT, Map.of("refs", refs, "impacted", impacted, "limit", ASSESSMENT_LIMIT))
                .list(r -> new RecordRef(RecordType.BATCH, r.get("key").asString()));
    }
}
