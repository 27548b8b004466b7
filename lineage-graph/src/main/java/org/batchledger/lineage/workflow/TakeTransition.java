package org.batchledger.lineage.workflow;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.store.Visibility;
import org.batchledger.lineage.workflow.Workflow.Transition;
import org.batchledger.lineage.write.AuthenticationWindow;
import org.batchledger.lineage.write.CreatingCommand;
import org.batchledger.lineage.write.RefusalRule;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.json.RecordProperties;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.WorkflowTransition;

/**
 * One workflow transition of a deviation or a CAPA: the record's next version with the new status
 * ({@code TRANSITION} entry), a signature on that version with the transition's meaning, and the
 * {@link WorkflowTransition} record naming the step, in one commit. Checked under the head lock, in this order: the
 * record exists, the transition exists and starts from its current state, the caller's role may take it, a reason,
 * no text over its length, the record type's own checks ({@link Subject#require}), that the caller did not take the
 * step this one checks, and a recent authentication.
 */
final class TakeTransition<S extends Enum<S>, R extends LedgerRecord> extends CreatingCommand<TakeTransition.Moved<R>> {
    static final String ACTION = "TRANSITION";
    private static final String CURRENT = """
            MATCH (n:%s {key: $key}) WHERE""" + Visibility.current("n") + """
            RETURN properties(n) AS p, coalesce(n.version, 1) AS version, n.contentHash AS hash""";
    private static final String BY_KEY = "MATCH (t:WorkflowTransition {key: $key}) RETURN properties(t) AS p";
    private static final String TAKEN_BY = """
            MATCH (t:WorkflowTransition {record: $record, transition: $transition, recordedBy: $subject})
            WHERE t.workflow = $workflow RETURN count(t) AS n""";

    /** The transition taken, the record's new version, the last entry. */
    record Moved<R>(WorkflowTransition transition, R record, long seq, boolean replayed) {
    }

    private final TransitionRequest request;
    private final Workflow<S> workflow;
    private final Subject<S, R> subject;
    private final AuthenticationWindow authentication;
    private final Clock clock;
    private final String record;
    private final String key;
    private NewVersion next;

    TakeTransition(TransitionRequest request, Workflow<S> workflow, Subject<S, R> subject,
                   AuthenticationWindow authentication, Clock clock) {
        super("Transition", request.actor(), request.reason(), request.idempotencyKey(), content(request, workflow));
        this.request = request;
        this.workflow = workflow;
        this.subject = subject;
        this.authentication = authentication;
        this.clock = clock;
        this.record = subject.type().graphName() + ":" + request.recordKey();
        this.key = "hub:wf:" + UUID.nameUUIDFromBytes(request.idempotencyKey().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> content(TransitionRequest r, Workflow<?> workflow) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put(workflow.name(), r.recordKey());
        content.put("transition", r.transition());
        content.put("rootCause", r.rootCause());
        content.put("capaReference", r.capaReference());
        if (r.classification() != null) {
            content.put("classification", r.classification());
        }
        if (r.assessment() != null) {
            var a = r.assessment();
            content.put("assessment", Arrays.asList(a.equipment(), a.recipes(), a.specifications(),
                    a.validationImpact() == null ? null : a.validationImpact().name()));
        }
        return content;
    }

    @Override
    protected List<LedgerRecord> records(Tx tx) {
        var rows = tx.run(CURRENT.formatted(subject.type().graphName()), Map.of("key", request.recordKey())).list();
        if (rows.isEmpty()) {
            throw new TransitionRefusedException(record, WorkflowRule.UNKNOWN_RECORD, Map.of());
        }
        R current = RecordProperties.toRecord(rows.getFirst().get("p").asMap(), subject.recordClass());
        Transition<S> t = allowed(tx, current);
        Instant now = clock.instant();
        R moved = subject.moved(tx, current, t, request, now);
        next = new NewVersion(moved, rows.getFirst().get("version").asLong(), rows.getFirst().get("hash").asString(),
                ACTION);
        var actor = request.actor();
        Provenance provenance = new Provenance("hub:" + actor.clientId(), null, actor.subject(), now, now);
        String signatureKey = key + ":signature";
        RecordRef ref = new RecordRef(subject.type(), current.key());
        return List.of(
                new Signature(signatureKey, ref, CanonicalJson.contentHash(moved), actor.subject(), actor.displayName(),
                        t.meaning(), request.reason(), now, null, provenance),
                new WorkflowTransition(key, ref, workflow.name(), t.name(), subject.state(current).name(),
                        t.to().name(), blankToNull(request.rootCause()), blankToNull(request.capaReference()),
                        request.reason(), signatureKey, now, provenance));
    }

    private Transition<S> allowed(Tx tx, R current) {
        S state = subject.state(current);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("state", state.name());
        facts.put("transition", request.transition());
        facts.put("allowed", workflow.from(state));
        Transition<S> t = workflow.transition(request.transition())
                .orElseThrow(() -> new TransitionRefusedException(record, WorkflowRule.UNKNOWN_TRANSITION, facts));
        if (t.from() != state) {
            throw new TransitionRefusedException(record, new RefusalRule(WorkflowRule.ILLEGAL.id(), t.name()
                    + " goes from " + t.from() + " to " + t.to() + "; the " + workflow.name() + " is " + state
                    + ", from which the workflow allows " + workflow.from(state), RefusalRule.Kind.BAD_REQUEST), facts);
        }
        if (t.roles().stream().noneMatch(request.actor().roles()::contains)) {
            throw new TransitionRefusedException(record, new RefusalRule(WorkflowRule.ROLE.id(), t.name()
                    + " may be taken only by " + t.roles().stream().sorted().toList(), RefusalRule.Kind.FORBIDDEN),
                    facts);
        }
        if (blankToNull(request.reason()) == null) {
            throw new TransitionRefusedException(record, WorkflowRule.REASON, facts);
        }
        var a = request.assessment();
        if (Stream.of(request.reason(), request.rootCause(), request.capaReference(), a == null ? null : a.equipment(),
                        a == null ? null : a.recipes(), a == null ? null : a.specifications())
                .anyMatch(s -> s != null && s.length() > WorkflowRule.TEXT)) {
            throw new TransitionRefusedException(record, WorkflowRule.TEXT_LENGTH, facts);
        }
        if (t.notByRecorder() && subject.recorders(current).stream().anyMatch(request.actor()::isNamed)) {
            Map<String, Object> sod = new LinkedHashMap<>(facts);
            sod.put("recordedBy", subject.recorders(current).stream().sorted().toList());
            throw new TransitionRefusedException(record, new RefusalRule(WorkflowRule.SECOND_PERSON.id(), t.name()
                    + " is taken by a second person: not the one who recorded, requested or performed the "
                    + workflow.name(), RefusalRule.Kind.FORBIDDEN), sod);
        }
        subject.require(tx, current, t, request, record);
        if (t.notByTakerOf() != null && tx.run(TAKEN_BY, Map.of("record", record, "transition", t.notByTakerOf(),
                "subject", request.actor().subject(), "workflow", workflow.name())).single().get("n").asLong() > 0) {
            throw new TransitionRefusedException(record, new RefusalRule(WorkflowRule.SAME_PERSON.id(), t.name()
                    + " is taken by someone other than the one who took " + t.notByTakerOf(),
                    RefusalRule.Kind.FORBIDDEN), facts);
        }
        if (!authentication.isRecent(request.authenticatedAt())) {
            Map<String, Object> reauth = new LinkedHashMap<>(facts);
            reauth.put("window", authentication.window().toString());
            reauth.put("windowSeconds", authentication.window().toSeconds());
            reauth.put("authTime", request.authenticatedAt() == null ? null : request.authenticatedAt().toString());
            throw new TransitionRefusedException(record, WorkflowRule.REAUTHENTICATION, reauth);
        }
        return t;
    }

    @Override
    protected NewVersion newVersion() {
        return next;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Moved<R> result(List<LedgerRecord> records, long lastSeq) {
        return new Moved<>((WorkflowTransition) records.get(1), (R) next.record(), lastSeq, false);
    }

    @Override
    protected Moved<R> replayed(Tx tx, long lastSeq) {
        WorkflowTransition t = RecordProperties.toRecord(tx.run(BY_KEY, Map.of("key", key)).single().get("p").asMap(),
                WorkflowTransition.class);
        R r = RecordProperties.toRecord(tx.run(CURRENT.formatted(subject.type().graphName()),
                Map.of("key", request.recordKey())).single().get("p").asMap(), subject.recordClass());
        return new Moved<>(t, r, lastSeq, true);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
