package org.batchledger.lineage.workflow;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.workflow.DeviationWorkflow.Transition;
import org.batchledger.lineage.write.AuthenticationWindow;
import org.batchledger.lineage.write.CreatingCommand;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.json.RecordProperties;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.Deviation.DeviationStatus;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.WorkflowTransition;

/**
 * One deviation transition: the deviation's next version with the new status ({@code TRANSITION} entry; closing
 * also sets {@code closedAt}), a signature on that version with the transition's meaning, and the
 * {@link WorkflowTransition} record with the root cause and CAPA reference. Checked under the head lock, in this
 * order: the deviation exists, the transition exists and starts from its current state, the caller's role may take
 * it, a reason, a root cause and a CAPA reference where required, and a recent authentication.
 */
final class TakeTransition extends CreatingCommand<DeviationWorkflows.Transitioned> {
    static final String ACTION = "TRANSITION";
    private static final String CURRENT = """
            MATCH (n:Deviation {key: $key}) WHERE n.supersededAtSeq IS NULL
            RETURN properties(n) AS p, coalesce(n.version, 1) AS version, n.contentHash AS hash""";
    private static final String BY_KEY = "MATCH (t:WorkflowTransition {key: $key}) RETURN properties(t) AS p";

    private final TransitionRequest request;
    private final DeviationWorkflow workflow;
    private final AuthenticationWindow authentication;
    private final Clock clock;
    private final String record;
    private final String key;
    private NewVersion next;

    TakeTransition(TransitionRequest request, DeviationWorkflow workflow, AuthenticationWindow authentication,
                   Clock clock) {
        super("Transition", request.actor(), request.reason(), request.idempotencyKey(), content(request));
        this.request = request;
        this.workflow = workflow;
        this.authentication = authentication;
        this.clock = clock;
        this.record = RecordType.DEVIATION.graphName() + ":" + request.deviationKey();
        this.key = "hub:wf:" + UUID.nameUUIDFromBytes(request.idempotencyKey().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> content(TransitionRequest r) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("deviation", r.deviationKey());
        content.put("transition", r.transition());
        content.put("rootCause", r.rootCause());
        content.put("capaReference", r.capaReference());
        return content;
    }

    @Override
    protected List<LedgerRecord> records(Tx tx) {
        var rows = tx.run(CURRENT, Map.of("key", request.deviationKey())).list();
        if (rows.isEmpty()) {
            throw refused(WorkflowRule.UNKNOWN_RECORD, Map.of());
        }
        Deviation current = RecordProperties.toRecord(rows.getFirst().get("p").asMap(), Deviation.class);
        Transition t = allowed(current);
        Instant now = clock.instant();
        Deviation moved = new Deviation(current.key(), current.title(), current.severity(), t.to(), current.impacts(),
                current.openedAt(), t.to() == DeviationStatus.CLOSED ? now : current.closedAt(), current.provenance());
        next = new NewVersion(moved, rows.getFirst().get("version").asLong(), rows.getFirst().get("hash").asString(),
                ACTION);
        var actor = request.actor();
        Provenance provenance = new Provenance("hub:" + actor.clientId(), null, actor.subject(), now, now);
        String signatureKey = key + ":signature";
        RecordRef ref = new RecordRef(RecordType.DEVIATION, current.key());
        return List.of(
                new Signature(signatureKey, ref, CanonicalJson.contentHash(moved), actor.subject(), actor.displayName(),
                        t.meaning(), request.reason(), now, null, provenance),
                new WorkflowTransition(key, ref, DeviationWorkflow.NAME, t.name(), current.status().name(),
                        t.to().name(), blankToNull(request.rootCause()), blankToNull(request.capaReference()),
                        request.reason(), signatureKey, now, provenance));
    }

    private Transition allowed(Deviation current) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("state", current.status().name());
        state.put("transition", request.transition());
        state.put("allowed", workflow.from(current.status()));
        Transition t = workflow.transition(request.transition())
                .orElseThrow(() -> refused(WorkflowRule.UNKNOWN_TRANSITION, state));
        if (t.from() != current.status()) {
            throw refused(new WorkflowRule(WorkflowRule.ILLEGAL.id(), t.name() + " goes from " + t.from() + " to "
                    + t.to() + "; the deviation is " + current.status() + ", from which the workflow allows "
                    + workflow.from(current.status()), WorkflowRule.Kind.BAD_REQUEST), state);
        }
        if (t.roles().stream().noneMatch(request.actor().roles()::contains)) {
            throw refused(new WorkflowRule(WorkflowRule.ROLE.id(), t.name() + " may be taken only by "
                    + t.roles().stream().sorted().toList(), WorkflowRule.Kind.FORBIDDEN), state);
        }
        if (blankToNull(request.reason()) == null) {
            throw refused(WorkflowRule.REASON, state);
        }
        if (t.requiresRootCause() && blankToNull(request.rootCause()) == null) {
            throw refused(WorkflowRule.ROOT_CAUSE, state);
        }
        if (t.capaRequiredFor().contains(current.severity()) && blankToNull(request.capaReference()) == null) {
            throw refused(new WorkflowRule(WorkflowRule.CAPA.id(), "closing a " + current.severity()
                    + " deviation needs the reference of the CAPA that addresses it", WorkflowRule.Kind.BAD_REQUEST),
                    state);
        }
        if (!authentication.isRecent(request.authenticatedAt())) {
            Map<String, Object> reauth = new LinkedHashMap<>(state);
            reauth.put("window", authentication.window().toString());
            reauth.put("windowSeconds", authentication.window().toSeconds());
            reauth.put("authTime", request.authenticatedAt() == null ? null : request.authenticatedAt().toString());
            throw refused(WorkflowRule.REAUTHENTICATION, reauth);
        }
        return t;
    }

    @Override
    protected NewVersion newVersion() {
        return next;
    }

    @Override
    protected DeviationWorkflows.Transitioned result(List<LedgerRecord> records, long lastSeq) {
        return new DeviationWorkflows.Transitioned((WorkflowTransition) records.get(1), (Deviation) next.record(),
                lastSeq, false, null);
    }

    @Override
    protected DeviationWorkflows.Transitioned replayed(Tx tx, long lastSeq) {
        WorkflowTransition t = RecordProperties.toRecord(tx.run(BY_KEY, Map.of("key", key)).single().get("p").asMap(),
                WorkflowTransition.class);
        Deviation d = RecordProperties.toRecord(tx.run(CURRENT, Map.of("key", request.deviationKey())).single()
                .get("p").asMap(), Deviation.class);
        return new DeviationWorkflows.Transitioned(t, d, lastSeq, true, null);
    }

    private TransitionRefusedException refused(WorkflowRule rule, Map<String, Object> details) {
        return new TransitionRefusedException(record, rule, details);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
