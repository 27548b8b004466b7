package org.batchledger.lineage.workflow;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.store.Visibility;
import org.batchledger.lineage.write.CreatingCommand;
import org.batchledger.lineage.write.RefusalRule;
import org.batchledger.schema.json.RecordProperties;
import org.batchledger.schema.record.Calibration;
import org.batchledger.schema.record.Cleaning;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordType;

/**
 * Records a cleaning or a calibration performed by the caller ({@code CREATE} entry, {@code ON} its equipment),
 * unverified: it makes equipment clean or calibrated only once a second person verifies it. Checked under the head
 * lock: the caller's role ({@link EquipmentCareWorkflows#RECORD_ROLES}), the equipment recorded, the times (performed
 * not in the future, hold end or due date after it), a calibration's outcome, the method's length.
 */
final class RecordCare extends CreatingCommand<LedgerRecord> {
    private static final String EQUIPMENT = """
            MATCH (e:Equipment {key: $key}) WHERE""" + Visibility.current("e") + """
            RETURN count(e) AS n""";
    private static final String BY_KEY = """
            MATCH (c:%s {key: $key}) WHERE""" + Visibility.current("c") + """
            RETURN properties(c) AS p""";

    private final RecordType type;
    private final RecordCareRequest request;
    private final Clock clock;
    private final String key;

    RecordCare(RecordType type, RecordCareRequest request, Clock clock) {
        super("Record" + type.graphName(), request.actor(), type.graphName().toLowerCase(Locale.ROOT)
                + " recorded", request.idempotencyKey(), content(request));
        this.type = type;
        this.request = request;
        this.clock = clock;
        this.key = "hub:" + (type == RecordType.CLEANING ? "cln:" : "cal:")
                + UUID.nameUUIDFromBytes(request.idempotencyKey().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> content(RecordCareRequest r) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("equipment", r.equipmentKey());
        content.put("method", r.method());
        content.put("outcome", r.outcome() == null ? null : r.outcome().name());
        content.put("performedAt", r.performedAt() == null ? null : r.performedAt().toString());
        content.put("until", r.until() == null ? null : r.until().toString());
        return content;
    }

    @Override
    protected List<LedgerRecord> records(Tx tx) {
        String record = type.graphName() + ":" + key;
        var actor = request.actor();
        if (EquipmentCareWorkflows.RECORD_ROLES.stream().noneMatch(actor.roles()::contains)) {
            throw new TransitionRefusedException(record, new RefusalRule(WorkflowRule.ROLE.id(), "a "
                    + type.graphName().toLowerCase(Locale.ROOT) + " is recorded only by "
                    + EquipmentCareWorkflows.RECORD_ROLES, RefusalRule.Kind.FORBIDDEN), Map.of());
        }
        Instant now = clock.instant();
        Map<String, Object> facts = new LinkedHashMap<>();
        if (request.performedAt() == null || request.performedAt().isAfter(now)) {
            facts.put("field", "performedAt");
        } else if (request.until() == null || !request.until().isAfter(request.performedAt())) {
            facts.put("field", type == RecordType.CLEANING ? "validUntil" : "dueAt");
        } else if (type == RecordType.CALIBRATION && request.outcome() == null) {
            facts.put("field", "outcome");
        }
        if (!facts.isEmpty()) {
            throw new TransitionRefusedException(record, WorkflowRule.CARE_FIELDS, facts);
        }
        if (request.method() != null && request.method().length() > WorkflowRule.TEXT) {
            throw new TransitionRefusedException(record, WorkflowRule.TEXT_LENGTH, Map.of("field", "method"));
        }
        String equipment = request.equipmentKey() == null ? "" : request.equipmentKey();
        if (tx.run(EQUIPMENT, Map.of("key", equipment)).single().get("n").asLong() == 0) {
            throw new TransitionRefusedException(record, WorkflowRule.EQUIPMENT,
                    Map.of("missing", RecordType.EQUIPMENT.graphName() + ":" + equipment));
        }
        Provenance provenance = new Provenance("hub:" + actor.clientId(), null, actor.subject(), now,
                request.performedAt());
        return List.of(type == RecordType.CLEANING
                ? new Cleaning(key, equipment, TakeTransition.blankToNull(request.method()), request.performedAt(),
                        request.until(), actor.subject(), provenance)
                : new Calibration(key, equipment, request.outcome(), request.performedAt(), request.until(),
                        actor.subject(), provenance));
    }

    @Override
    protected LedgerRecord result(List<LedgerRecord> records, long lastSeq) {
        return records.getFirst();
    }

    @Override
    protected LedgerRecord replayed(Tx tx, long lastSeq) {
        return RecordProperties.toRecord(tx.run(BY_KEY.formatted(type.graphName()), Map.of("key", key)).single()
                .get("p").asMap(), type.javaType());
    }
}
