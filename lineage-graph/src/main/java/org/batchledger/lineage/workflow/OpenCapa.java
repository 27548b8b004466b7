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
import org.batchledger.lineage.write.CreatingCommand;
import org.batchledger.lineage.write.RefusalRule;
import org.batchledger.schema.json.RecordProperties;
import org.batchledger.schema.record.Capa;
import org.batchledger.schema.record.Capa.CapaStatus;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/**
 * Opens a CAPA ({@code CREATE} entry, {@code ADDRESSES} edges to its deviations), attributed to the caller. Opening is
 * no transition and is not signed; each step after it is. Checked under the head lock: the caller's role
 * ({@link CapaWorkflows#OPEN_ROLES}), a title and an action within their lengths, and at least one deviation, each
 * recorded.
 */
final class OpenCapa extends CreatingCommand<Capa> {
    private static final String EXISTING = """
            UNWIND $keys AS k MATCH (d:Deviation {key: k}) WHERE d.supersededAtSeq IS NULL RETURN collect(k) AS found""";
    private static final String BY_KEY = "MATCH (c:Capa {key: $key}) WHERE c.supersededAtSeq IS NULL RETURN properties(c) AS p";

    private final OpenCapaRequest request;
    private final Clock clock;
    private final String key;

    OpenCapa(OpenCapaRequest request, Clock clock) {
        super("OpenCapa", request.actor(), "CAPA opened: " + request.title(), request.idempotencyKey(),
                content(request));
        this.request = request;
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
        Instant now = clock.instant();
        var actor = request.actor();
        return List.of(new Capa(key, title, action, CapaStatus.OPENED, wanted.stream()
                .map(k -> new RecordRef(RecordType.DEVIATION, k)).toList(), now, null,
                new Provenance("hub:" + actor.clientId(), null, actor.subject(), now, now)));
    }

    @Override
    protected Capa result(List<LedgerRecord> records, long lastSeq) {
        return (Capa) records.getFirst();
    }

    @Override
    protected Capa replayed(Tx tx, long lastSeq) {
        return RecordProperties.toRecord(tx.run(BY_KEY, Map.of("key", key)).single().get("p").asMap(), Capa.class);
    }
}
