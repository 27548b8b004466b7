package org.batchledger.lineage.workflow;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.store.Visibility;
import org.batchledger.lineage.write.CreatingCommand;
import org.batchledger.lineage.write.RefusalRule;
import org.batchledger.schema.json.RecordProperties;
import org.batchledger.schema.record.ChangeControl;
import org.batchledger.schema.record.ChangeControl.ChangeStatus;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/**
 * Requests a change ({@code CREATE} entry, status OPEN, attributed to the caller as its requester). Requesting is no
 * transition and is not signed; each step after it is. Checked under the head lock: the caller's role
 * ({@link ChangeControlWorkflows#OPEN_ROLES}), a title within its length, and that each affected record is recorded
 * (one query per record type, labels from the {@link RecordType} allow-list).
 */
final class OpenChangeControl extends CreatingCommand<ChangeControl> {
    private static final String EXISTING = """
            MATCH (n:%s) WHERE n.key IN $keys AND""" + Visibility.current("n") + """
            RETURN collect(DISTINCT n.key) AS found""";
    private static final String BY_KEY = """
            MATCH (c:ChangeControl {key: $key}) WHERE""" + Visibility.current("c") + """
            RETURN properties(c) AS p""";

    private final OpenChangeControlRequest request;
    private final Clock clock;
    private final String key;

    OpenChangeControl(OpenChangeControlRequest request, Clock clock) {
        super("OpenChangeControl", request.actor(), "change requested: " + request.title(), request.idempotencyKey(),
                content(request));
        this.request = request;
        this.clock = clock;
        this.key = "hub:cc:" + UUID.nameUUIDFromBytes(request.idempotencyKey().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> content(OpenChangeControlRequest r) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", r.title());
        content.put("affects", r.affects().stream().map(RecordRef::toString).toList());
        return content;
    }

    @Override
    protected List<LedgerRecord> records(Tx tx) {
        String record = RecordType.CHANGE_CONTROL.graphName() + ":" + key;
        if (ChangeControlWorkflows.OPEN_ROLES.stream().noneMatch(request.actor().roles()::contains)) {
            throw new TransitionRefusedException(record, new RefusalRule(WorkflowRule.ROLE.id(),
                    "a change is requested only by " + ChangeControlWorkflows.OPEN_ROLES, RefusalRule.Kind.FORBIDDEN),
                    Map.of());
        }
        String title = TakeTransition.blankToNull(request.title());
        if (title == null) {
            throw new TransitionRefusedException(record, WorkflowRule.CHANGE_TEXT, Map.of());
        }
        if (title.length() > WorkflowRule.TITLE) {
            throw new TransitionRefusedException(record, WorkflowRule.TEXT_LENGTH, Map.of());
        }
        List<RecordRef> affects = request.affects().stream().distinct().toList();
        List<String> missing = missing(tx, affects);
        if (!missing.isEmpty()) {
            throw new TransitionRefusedException(record, WorkflowRule.AFFECTS, Map.of("missing", missing));
        }
        Instant now = clock.instant();
        var actor = request.actor();
        return List.of(new ChangeControl(key, title, ChangeStatus.OPEN, affects, now, null,
                new Provenance("hub:" + actor.clientId(), null, actor.subject(), now, now)));
    }

    /** The affected records not recorded, as {@code Label:key}; relationships are no record a change affects. */
    private static List<String> missing(Tx tx, List<RecordRef> affects) {
        List<String> missing = new ArrayList<>();
        Map<RecordType, List<String>> byType = affects.stream().collect(Collectors.groupingBy(RecordRef::type,
                LinkedHashMap::new, Collectors.mapping(RecordRef::key, Collectors.toList())));
        byType.forEach((type, keys) -> {
            Set<String> found = type.isRelationship() ? Set.of() : Set.copyOf(tx.run(
                    EXISTING.formatted(type.graphName()), Map.of("keys", keys)).single().get("found")
                    .asList(v -> v.asString()));
            keys.stream().filter(k -> !found.contains(k)).forEach(k -> missing.add(type.graphName() + ":" + k));
        });
        return missing;
    }

    @Override
    protected ChangeControl result(List<LedgerRecord> records, long lastSeq) {
        return (ChangeControl) records.getFirst();
    }

    @Override
    protected ChangeControl replayed(Tx tx, long lastSeq) {
        return RecordProperties.toRecord(tx.run(BY_KEY, Map.of("key", key)).single().get("p").asMap(),
                ChangeControl.class);
    }
}
