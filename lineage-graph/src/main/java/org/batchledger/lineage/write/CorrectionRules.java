package org.batchledger.lineage.write;

import static java.util.Map.entry;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.batchledger.schema.record.RecordType;

/**
 * GMP correction rules as data: for each record type, which fields {@code correct} may change and which realm
 * roles may change each. Anything not listed is refused, by the first rule below that names it. Inspector and
 * adapter never correct; admin configures the hub and corrects no GMP data (Annex 11 §12: administrators do not
 * change the records they administer). A correction leaves a signature bound to the version it signed.
 */
public final class CorrectionRules {
    /** A rule a refusal names: a stable id and the text a user reads. */
    public record Rule(String id, String text) {
        @Override
        public String toString() {
            return id + ": " + text;
        }
    }

    /** Realm roles that may be granted a correction. */
    public enum Role {
        OPERATOR("operator"), QA_REVIEWER("qa-reviewer"), QA_RELEASE("qa-release"), ADMIN("admin");

        private final String realmName;

        Role(String realmName) {
            this.realmName = realmName;
        }

        public String realmName() {
            return realmName;
        }
    }

    /** Why a correction of one field is refused; {@code forbidden}: the field may be corrected, not by this caller. */
    public record Refusal(Rule rule, boolean forbidden) {
    }

    public static final Rule GENEALOGY = new Rule("CORR-GENEALOGY",
            "genealogy relationships are not corrected: record a new one");
    public static final Rule SIGNATURE = new Rule("CORR-SIGNATURE",
            "a signature is never corrected (21 CFR 11.70): withdraw it and sign again");
    public static final Rule WITHDRAWAL = new Rule("CORR-WITHDRAWAL",
            "a signature withdrawal is final and never corrected");
    public static final Rule TRANSITION = new Rule("CORR-TRANSITION",
            "a workflow transition is final and never corrected: take the workflow's next transition");
    public static final Rule DISPOSITION = new Rule("CORR-DISPOSITION",
            "a disposition is final and never corrected: withdraw its signature and take a new disposition");
    public static final Rule EXCEPTION_DISPOSITION = new Rule("CORR-EXCEPTION-DISPOSITION",
            "an exception's disposition is final and never corrected: withdraw its signature and decide again");
    public static final Rule SOURCE_FILE = new Rule("CORR-SOURCE-FILE",
            "a source file is recorded as received: record a new one");
    public static final Rule IDENTITY = new Rule("CORR-IDENTITY",
            "identity and ledger bookkeeping (key, contentHash, ledgerSeq, version, supersededAtSeq) are not data");
    public static final Rule REFERENCE = new Rule("CORR-REFERENCE",
            "a reference to another record changes only by recording a new record");
    public static final Rule PROVENANCE = new Rule("CORR-PROVENANCE",
            "capture provenance (source, locator, recordedBy, recordedAt) stays as captured");
    public static final Rule BATCH_STATUS = new Rule("CORR-STATUS",
            "batch status changes only through the disposition workflow");
    public static final Rule LOT_STATUS = new Rule("CORR-STATUS",
            "lot status changes only through the disposition workflow");
    public static final Rule DEVIATION_STATUS = new Rule("CORR-STATUS",
            "deviation status changes only through the deviation workflow");
    public static final Rule CAPA_STATUS = new Rule("CORR-STATUS",
            "CAPA status changes only through the CAPA workflow");
    public static final Rule CHANGE_STATUS = new Rule("CORR-STATUS",
            "change-control status and impact assessment change only through the change-control workflow");
    public static final Rule VERIFICATION = new Rule("CORR-VERIFICATION",
            "a cleaning's or calibration's verifier is set only by its workflow's VERIFY transition (a second person)");
    public static final Rule DOCUMENT_CONTENT = new Rule("CORR-DOCUMENT-CONTENT",
            "a document's content hash identifies its file: record a new document");
    public static final Rule NOT_A_FIELD = new Rule("CORR-FIELD", "not a field of this record type that a correction may name");
    public static final Rule ROLE = new Rule("CORR-ROLE", "this field may be corrected only by the roles the rules name");

    private static final Set<String> IDENTITY_FIELDS =
            Set.of("key", "contentHash", "ledgerSeq", "version", "supersededAtSeq");
    private static final Set<String> PROVENANCE_FIELDS = Set.of("source", "locator", "recordedBy", "recordedAt");

    private static final Set<Role> OP_REV = EnumSet.of(Role.OPERATOR, Role.QA_REVIEWER);
    private static final Set<Role> REV = EnumSet.of(Role.QA_REVIEWER);
    private static final Set<Role> REV_REL = EnumSet.of(Role.QA_REVIEWER, Role.QA_RELEASE);

    private static final Map<RecordType, Rule> WHOLE_TYPE = Map.of(
            RecordType.SIGNATURE, SIGNATURE,
            RecordType.SIGNATURE_WITHDRAWAL, WITHDRAWAL,
            RecordType.WORKFLOW_TRANSITION, TRANSITION,
            RecordType.DISPOSITION, DISPOSITION,
            RecordType.EXCEPTION_DISPOSITION, EXCEPTION_DISPOSITION,
            RecordType.SOURCE_FILE, SOURCE_FILE);

    private static final Map<RecordType, Map<String, Rule>> FIXED_BY_TYPE = Map.of(
            RecordType.BATCH, Map.of("status", BATCH_STATUS),
            RecordType.LOT, Map.of("status", LOT_STATUS),
            RecordType.DEVIATION, Map.of("status", DEVIATION_STATUS),
            RecordType.CAPA, Map.of("status", CAPA_STATUS),
            RecordType.CHANGE_CONTROL, Map.of("status", CHANGE_STATUS, "impactOnEquipment", CHANGE_STATUS,
                    "impactOnRecipes", CHANGE_STATUS, "impactOnSpecifications", CHANGE_STATUS,
                    "validationImpact", CHANGE_STATUS),
            RecordType.CLEANING, Map.of("verifiedBy", VERIFICATION, "verifiedAt", VERIFICATION),
            RecordType.CALIBRATION, Map.of("verifiedBy", VERIFICATION, "verifiedAt", VERIFICATION),
            RecordType.DOCUMENT, Map.of("contentSha256", DOCUMENT_CONTENT));

    private static final Map<RecordType, Map<String, Set<Role>>> CORRECTABLE = Map.ofEntries(
            entry(RecordType.MATERIAL, fields(REV_REL, "name", "kind", "unit", "eventAt")),
            entry(RecordType.EQUIPMENT, fields(REV_REL, "name", "equipmentClass", "location", "eventAt")),
            entry(RecordType.LOT, merge(fields(OP_REV, "quantity", "unit", "supplier", "supplierLot", "eventAt"),
                    fields(REV_REL, "expiresAt"))),
            entry(RecordType.BATCH, fields(OP_REV, "stage", "masterRecord", "startedAt", "endedAt", "eventAt")),
            entry(RecordType.STEP_RECORD, merge(fields(OP_REV, "step", "parameter", "value", "unit", "executedAt",
                    "performedBy", "eventAt"), fields(REV, "lowerLimit", "upperLimit"))),
            // rawValue is the source's own text, the evidence behind value and qualifier: never corrected
            entry(RecordType.TEST_RESULT, fields(REV, "test", "method", "instrument", "value", "qualifier", "unit",
                    "lowerLimit", "upperLimit", "outcome", "testedAt", "analyst", "eventAt")),
            entry(RecordType.DEVIATION, fields(REV_REL, "title", "severity", "openedAt", "closedAt", "eventAt")),
            entry(RecordType.CAPA, fields(REV_REL, "title", "action", "openedAt", "closedAt", "eventAt")),
            entry(RecordType.CHANGE_CONTROL, fields(REV_REL, "title", "openedAt", "closedAt", "eventAt")),
            entry(RecordType.CLEANING, fields(OP_REV, "method", "performedAt", "validUntil", "performedBy", "eventAt")),
            entry(RecordType.CALIBRATION, fields(OP_REV, "outcome", "performedAt", "dueAt", "performedBy", "eventAt")),
            entry(RecordType.DOCUMENT, fields(OP_REV, "title", "documentType", "mediaType", "eventAt")));

    private CorrectionRules() {
    }

    /** The fields of a type that may be corrected, each with the roles that may correct it (empty: none). */
    public static Map<String, Set<Role>> correctable(RecordType type) {
        return CORRECTABLE.getOrDefault(type, Map.of());
    }

    /** The rule that refuses correcting the whole type, if any (signatures, withdrawals, relationships, files). */
    public static Optional<Rule> typeRefusal(RecordType type) {
        if (type.isRelationship()) {
            return Optional.of(GENEALOGY);
        }
        return Optional.ofNullable(WHOLE_TYPE.get(type));
    }

    /** Why {@code roles} may not correct {@code field} of a {@code type} record; empty when they may. */
    public static Optional<Refusal> refusal(RecordType type, String field, Collection<String> roles) {
        Optional<Rule> fixed = typeRefusal(type).or(() -> fieldRule(type, field));
        if (fixed.isPresent()) {
            return fixed.map(r -> new Refusal(r, false));
        }
        Set<Role> allowed = correctable(type).get(field);
        if (allowed == null) {
            return Optional.of(new Refusal(NOT_A_FIELD, false));
        }
        boolean granted = allowed.stream().anyMatch(r -> roles.contains(r.realmName()));
        return granted ? Optional.empty() : Optional.of(new Refusal(roleRule(allowed), true));
    }

    /**
     * The whole table as sorted lines, {@code Type.field: roles} or {@code Type.field: RULE-ID}, for change impact
     * ({@code requirements/correction-rules.txt} is this export, kept current by CorrectionRulesTest).
     */
    public static List<String> table() {
        List<String> lines = new java.util.ArrayList<>();
        for (RecordType type : RecordType.values()) {
            Set<String> fields = new java.util.TreeSet<>(PROVENANCE_FIELDS);
            fields.addAll(correctable(type).keySet());
            Arrays.stream(type.javaType().getRecordComponents()).forEach(c -> fields.add(c.getName()));
            for (String field : fields) {
                Set<Role> roles = typeRefusal(type).isPresent() ? null : correctable(type).get(field);
                lines.add(type.graphName() + "." + field + ": " + (roles != null
                        ? roles.stream().map(Role::realmName).sorted().collect(Collectors.joining(" "))
                        : refusal(type, field, List.of()).orElseThrow().rule().id()));
            }
        }
        return lines.stream().sorted().toList();
    }

    private static Optional<Rule> fieldRule(RecordType type, String field) {
        if (IDENTITY_FIELDS.contains(field)) {
            return Optional.of(IDENTITY);
        }
        if (References.fieldNames(type).contains(field)) {
            return Optional.of(REFERENCE);
        }
        if (PROVENANCE_FIELDS.contains(field)) {
            return Optional.of(PROVENANCE);
        }
        return Optional.ofNullable(FIXED_BY_TYPE.getOrDefault(type, Map.of()).get(field));
    }

    private static Rule roleRule(Set<Role> allowed) {
        return new Rule(ROLE.id(), "this field may be corrected only by "
                + allowed.stream().map(Role::realmName).sorted().collect(Collectors.joining(", ")));
    }

    private static Map<String, Set<Role>> fields(Set<Role> roles, String... names) {
        Map<String, Set<Role>> m = new HashMap<>();
        for (String n : names) {
            m.put(n, Set.copyOf(roles));
        }
        return Map.copyOf(m);
    }

    @SafeVarargs
    private static Map<String, Set<Role>> merge(Map<String, Set<Role>>... parts) {
        Map<String, Set<Role>> m = new HashMap<>();
        List.of(parts).forEach(m::putAll);
        return Map.copyOf(m);
    }
}
