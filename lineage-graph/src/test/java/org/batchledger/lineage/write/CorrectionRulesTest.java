package org.batchledger.lineage.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.batchledger.lineage.write.CorrectionRules.Role;
import org.batchledger.schema.record.RecordType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The correction rule table per record type, against an expectation written here by hand (from the GMP decisions in
 * the README), not derived from {@link CorrectionRules}. Lines: {@code field: role role}; "-" means nothing of the
 * type is correctable. A new record type fails until it is added here.
 */
@Tag("REQ-LEDGER-016")
class CorrectionRulesTest {
    private static final Map<RecordType, String> EXPECTED = Map.ofEntries(
            Map.entry(RecordType.MATERIAL, """
                    eventAt: qa-release qa-reviewer
                    kind: qa-release qa-reviewer
                    name: qa-release qa-reviewer
                    unit: qa-release qa-reviewer"""),
            Map.entry(RecordType.EQUIPMENT, """
                    equipmentClass: qa-release qa-reviewer
                    eventAt: qa-release qa-reviewer
                    location: qa-release qa-reviewer
                    name: qa-release qa-reviewer"""),
            Map.entry(RecordType.LOT, """
                    eventAt: operator qa-reviewer
                    expiresAt: qa-release qa-reviewer
                    quantity: operator qa-reviewer
                    supplier: operator qa-reviewer
                    supplierLot: operator qa-reviewer
                    unit: operator qa-reviewer"""),
            Map.entry(RecordType.BATCH, """
                    endedAt: operator qa-reviewer
                    eventAt: operator qa-reviewer
                    masterRecord: operator qa-reviewer
                    stage: operator qa-reviewer
                    startedAt: operator qa-reviewer"""),
            Map.entry(RecordType.STEP_RECORD, """
                    eventAt: operator qa-reviewer
                    executedAt: operator qa-reviewer
                    lowerLimit: qa-reviewer
                    parameter: operator qa-reviewer
                    performedBy: operator qa-reviewer
                    step: operator qa-reviewer
                    unit: operator qa-reviewer
                    upperLimit: qa-reviewer
                    value: operator qa-reviewer"""),
            Map.entry(RecordType.TEST_RESULT, """
                    analyst: qa-reviewer
                    eventAt: qa-reviewer
                    instrument: qa-reviewer
                    lowerLimit: qa-reviewer
                    method: qa-reviewer
                    outcome: qa-reviewer
                    qualifier: qa-reviewer
                    test: qa-reviewer
                    testedAt: qa-reviewer
                    unit: qa-reviewer
                    upperLimit: qa-reviewer
                    value: qa-reviewer"""),
            Map.entry(RecordType.DEVIATION, """
                    closedAt: qa-release qa-reviewer
                    eventAt: qa-release qa-reviewer
                    openedAt: qa-release qa-reviewer
                    severity: qa-release qa-reviewer
                    title: qa-release qa-reviewer"""),
            Map.entry(RecordType.CHANGE_CONTROL, """
                    closedAt: qa-release qa-reviewer
                    eventAt: qa-release qa-reviewer
                    openedAt: qa-release qa-reviewer
                    title: qa-release qa-reviewer"""),
            Map.entry(RecordType.CLEANING, """
                    eventAt: operator qa-reviewer
                    method: operator qa-reviewer
                    performedAt: operator qa-reviewer
                    performedBy: operator qa-reviewer
                    validUntil: operator qa-reviewer"""),
            Map.entry(RecordType.CALIBRATION, """
                    dueAt: operator qa-reviewer
                    eventAt: operator qa-reviewer
                    outcome: operator qa-reviewer
                    performedAt: operator qa-reviewer
                    performedBy: operator qa-reviewer"""),
            Map.entry(RecordType.DOCUMENT, """
                    documentType: operator qa-reviewer
                    eventAt: operator qa-reviewer
                    mediaType: operator qa-reviewer
                    title: operator qa-reviewer"""),
            Map.entry(RecordType.SIGNATURE, "-"),
            Map.entry(RecordType.SIGNATURE_WITHDRAWAL, "-"),
            Map.entry(RecordType.SOURCE_FILE, "-"),
            Map.entry(RecordType.WORKFLOW_TRANSITION, "-"),
            Map.entry(RecordType.DISPOSITION, "-"),
            Map.entry(RecordType.EXCEPTION_DISPOSITION, "-"),
            Map.entry(RecordType.CAPA, """
                    action: qa-release qa-reviewer
                    closedAt: qa-release qa-reviewer
                    eventAt: qa-release qa-reviewer
                    openedAt: qa-release qa-reviewer
                    title: qa-release qa-reviewer"""),
            Map.entry(RecordType.CONSUMPTION, "-"),
            Map.entry(RecordType.PRODUCTION, "-"),
            Map.entry(RecordType.EQUIPMENT_USE, "-"));

    /** The rule that refuses each field outside the table, per type (fields not named here: CORR-FIELD). */
    private static final Map<RecordType, Map<String, String>> REFUSED = Map.of(
            RecordType.BATCH, Map.of("status", "CORR-STATUS", "productKey", "CORR-REFERENCE", "key", "CORR-IDENTITY",
                    "recordedAt", "CORR-PROVENANCE", "locator", "CORR-PROVENANCE"),
            RecordType.LOT, Map.of("status", "CORR-STATUS", "materialKey", "CORR-REFERENCE",
                    "supersededAtSeq", "CORR-IDENTITY", "contentHash", "CORR-IDENTITY", "ledgerSeq", "CORR-IDENTITY"),
            RecordType.DEVIATION, Map.of("status", "CORR-STATUS", "impacts", "CORR-REFERENCE"),
            RecordType.SIGNATURE, Map.of("meaning", "CORR-SIGNATURE", "printedName", "CORR-SIGNATURE",
                    "signedContentHash", "CORR-SIGNATURE", "signs", "CORR-SIGNATURE"),
            RecordType.TEST_RESULT, Map.of("subject", "CORR-REFERENCE", "colour", "CORR-FIELD", "rawValue", "CORR-FIELD"),
            RecordType.DOCUMENT, Map.of("contentSha256", "CORR-DOCUMENT-CONTENT", "about", "CORR-REFERENCE"),
            RecordType.CONSUMPTION, Map.of("quantity", "CORR-GENEALOGY"),
            RecordType.SOURCE_FILE, Map.of("fileName", "CORR-SOURCE-FILE"),
            RecordType.WORKFLOW_TRANSITION, Map.of("toState", "CORR-TRANSITION", "rootCause", "CORR-TRANSITION"),
            RecordType.CHANGE_CONTROL, Map.of("status", "CORR-STATUS", "validationImpact", "CORR-STATUS",
                    "affects", "CORR-REFERENCE"));

    private static final List<String> ALL_ROLES =
            List.of("operator", "qa-reviewer", "qa-release", "admin", "inspector", "adapter");

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void theTableOfEachTypeIsExactlyTheExpectedOne(RecordType type) {
        assertThat(EXPECTED).as("an expectation for %s", type).containsKey(type);
        assertThat(table(type)).isEqualTo(EXPECTED.get(type));
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void eachRoleMayCorrectExactlyTheFieldsItsTableLineNames(RecordType type) {
        Map<String, Set<String>> expected = parse(EXPECTED.get(type));
        for (String field : expected.keySet()) {
            for (String role : ALL_ROLES) {
                var refusal = CorrectionRules.refusal(type, field, List.of(role));
                assertThat(refusal.isEmpty()).as("%s may correct %s.%s", role, type, field)
                        .isEqualTo(expected.get(field).contains(role));
                refusal.ifPresent(r -> assertThat(r.rule().id()).isEqualTo("CORR-ROLE"));
                refusal.ifPresent(r -> assertThat(r.forbidden()).isTrue());
            }
        }
    }

    @Test
    void fieldsOutsideTheTableAreRefusedByTheNamedRuleForEveryRole() {
        REFUSED.forEach((type, fields) -> fields.forEach((field, rule) -> {
            for (String role : ALL_ROLES) {
                var refusal = CorrectionRules.refusal(type, field, List.of(role));
                assertThat(refusal).as("%s correcting %s.%s", role, type, field).isPresent();
                assertThat(refusal.get().rule().id()).isEqualTo(rule);
                assertThat(refusal.get().forbidden()).isFalse();
            }
        }));
        assertThat(CorrectionRules.refusal(RecordType.BATCH, "status", List.of("operator")).orElseThrow().rule())
                .hasToString("CORR-STATUS: batch status changes only through the disposition workflow");
    }

    private static String table(RecordType type) {
        Map<String, Set<Role>> rules = CorrectionRules.correctable(type);
        if (rules.isEmpty()) {
            return "-";
        }
        return new TreeMap<>(rules).entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().stream()
                        .map(Role::realmName).sorted().collect(Collectors.joining(" ")))
                .collect(Collectors.joining("\n"));
    }

    private static Map<String, Set<String>> parse(String table) {
        if (table.equals("-")) {
            return Map.of();
        }
        return table.lines().map(l -> l.split(": ")).collect(Collectors.toMap(p -> p[0],
                p -> new TreeSet<>(Arrays.asList(p[1].split(" ")))));
    }

    /** Change impact diffs this export between versions; it must be the table the code holds. */
    @Test
    @Tag("REQ-VALIDATION-005")
    void theCommittedExportIsTheCurrentTable() throws IOException {
        Path export = Path.of("../requirements/correction-rules.txt");
        assertThat(Files.readAllLines(export)).as("%s must equal CorrectionRules.table(), one line each", export)
                .isEqualTo(CorrectionRules.table());
    }
}
