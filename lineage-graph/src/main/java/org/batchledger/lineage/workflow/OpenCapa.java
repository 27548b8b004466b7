package org.batchledger.lineage.workflow;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.store.Visibility;
import org.batchledger.lineage.write.AuthenticationWindow;
import org.batchledger.lineage.write.CreatingCommand;
import org.batchledger.lineage.write.RefusalRule;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.json.RecordProperties;
import org.batchledger.schema.record.Capa;
import org.batchledger.schema.record.Capa.CapaStatus;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.WorkflowTransition;

/**
 * Opens a CAPA ({@code CREATE} entry, {@code ADDRESSES} edges to its deviations), attributed to the caller and signed
 * like every step after it: the CAPA, the opener's signature on it ({@link CapaWorkflows#OPEN_MEANING}) and a
 * {@link WorkflowTransition} {@code OPEN} (from no state to OPENED) naming that signature, in one commit. Checked under
 * the head lock, in this order: the caller's role ({@link CapaWorkflows#OPEN_ROLES}), a title and an action within
 * their lengths, at least one deviation, each recorded, and a recent authentication (as {@link TakeTransition}).
 */
final class OpenCapa extends CreatingCommand<OpenCapa.Opened> {
    /** The CAPA, its opening transition and the entry of the last record. */
    record Opened(Capa capa, WorkflowTransition transition, long seq) {
    }

    private static final String EXISTING = """
            UNWIND $keys AS k MATCH (d:Deviation {key: k}) WHERE""" + Visibility.current("d") + """
            RETURN collect(k) AS found""";
    private static final String BY_KEY = "MATCH (c:Capa {key: $key}) WHERE " + Visibility.current("c") + " RETURN properties(c) AS p";
    private static final String TRANSITION = "MATCH (t:WorkflowTransition {key: $key}) RETURN properties(t) AS p";

    private final OpenCapaRequest request;
    private final AuthenticationWindow authentication;
    private final Clock clock;
    private final String key;

    OpenCapa(OpenCapaRequest request, AuthenticationWindow authentication, Clock clock) {
        super("OpenCapa", request.actor(), "CAPA opened: " + request.title(), request.idempotencyKey(),
                content(request));
        this.request = request;
        this.authentication = authentication;
        this.clock = clock;
        this.key = "hub:capa:" + UUID.nameUUIDFromBytes(request.idempotencyKey().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> content(OpenCapaRequest r) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", r.title());
        content.put("action", r.action());
        content.put("deviations", r.deviationKeys());
        return content;
    }

    @Override
    protected List<LedgerRecord> records(Tx tx) {
        String record = RecordType.CAPA.graphName() + ":" + key;
        if (CapaWorkflows.OPEN_ROLES.stream().noneMatch(request.actor().roles()::contains)) {
            throw new TransitionRefusedException(record, new RefusalRule(WorkflowRule.ROLE.id(),
                    "a CAPA is opened only by " + CapaWorkflows.OPEN_ROLES, RefusalRule.Kind.FORBIDDEN), Map.of());
        }
        String title = TakeTransition.blankToNull(request.title());
        String action = TakeTransition.blankToNull(request.action());
        if (title == null || action == null) {
            throw new TransitionRefusedException(record, WorkflowRule.CAPA_TEXT, Map.of());
        }
        if (title.length() > WorkflowRule.TITLE || action.length() > WorkflowRule.TEXT) {
            throw new TransitionRefusedException(record, WorkflowRule.TEXT_LENGTH, Map.of());
        }
        List<String> wanted = request.deviationKeys().stream().distinct().toList();
        Set<String> found = Set.copyOf(tx.run(EXISTING, Map.of("keys", wanted)).single().get("found")
                .asList(v -> v.asString()));
        List<String> missing = wanted.stream().filter(k -> !found.contains(k)).toList();
        if (wanted.isEmpty() || !missing.isEmpty()) {
            throw new TransitionRefusedException(record, WorkflowRule.CAPA_DEVIATIONS, Map.of("missing",
                    missing.stream().map(k -> RecordType.DEVIATION.graphName() + ":" + k).toList()));
        }
        requireRecentAuthentication(record);
        Instant now = clock.instant();
        var actor = request.actor();
        Provenance provenance = new Provenance("hub:" + actor.clientId(), null, actor.subject(), now, now);
        Capa capa = new Capa(key, title, action, CapaStatus.OPENED, wanted.stream()
                .map(k -> new RecordRef(RecordType.DEVIATION, k)).toList(), now, null, provenance);
        String reason = "CAPA opened: " + title;
        String signatureKey = key + ":open:signature";
        RecordRef ref = new RecordRef(RecordType.CAPA, key);
        return List.of(capa,
                new Signature(signatureKey, ref, CanonicalJson.contentHash(capa), actor.subject(), actor.displayName(),
                        CapaWorkflows.OPEN_MEANING, reason, now, null, provenance),
                new WorkflowTransition(key + ":open", ref, CapaWorkflows.NAME, CapaWorkflows.OPEN, null,
                        CapaStatus.OPENED.name(), null, null, reason, signatureKey, now, provenance));
    }

    /** As a transition's: the window of the workflows, refused before anything is written. */
    private void requireRecentAuthentication(String record) {
        if (!authentication.isRecent(request.authenticatedAt())) {
            Map<String, Object> reauth = new LinkedHashMap<>();
            reauth.put("transition", CapaWorkflows.OPEN);
            reauth.put("window", authentication.window().toString());
            reauth.put("windowSeconds", authentication.window().toSeconds());
            reauth.put("authTime", request.authenticatedAt() == null ? null : request.authenticatedAt().toString());
            throw new TransitionRefusedException(record, WorkflowRule.REAUTHENTICATION, reauth);
        }
    }

    @Override
    protected Opened result(List<LedgerRecord> records, long lastSeq) {
        return new Opened((Capa) records.getFirst(), (WorkflowTransition) records.get(2), lastSeq);
    }

    @Override
    protected Opened replayed(Tx tx, long lastSeq) {
        return new Opened(RecordProperties.toRecord(tx.run(BY_KEY, Map.of("key", key)).single().get("p").asMap(),
                Capa.class), RecordProperties.toRecord(tx.run(TRANSITION, Map.of("key", key + ":open")).single()
                .get("p").asMap(), WorkflowTransition.class), lastSeq);
    }
}
