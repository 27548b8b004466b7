package org.batchledger.lineage.release.alcoa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Rule sets are data: the shipped one puts every implemented rule in force; a bad one is refused by name. */
@Tag("REQ-RELEASE-002")
class AlcoaRuleSetTest {

    @Test
    void theShippedSetPutsEveryImplementedRuleInForceForEveryPrinciple() {
        AlcoaRuleSet shipped = AlcoaRuleSet.shipped();
        assertThat(shipped.version()).isEqualTo("2");
        assertThat(shipped.rules()).extracting(AlcoaRule::id)
                .containsExactlyElementsOf(RuleCatalog.all().stream().map(RuleDefinition::id).toList());
        assertThat(shipped.rules()).extracting(AlcoaRule::principle).containsAll(Arrays.asList(AlcoaPrinciple.values()));
        assertThat(shipped.rules()).allSatisfy(r -> {
            assertThat(r.id()).matches("ALCOA-" + r.principle().code() + "-\\d{3}");
            assertThat(r.title()).isNotBlank();
            assertThat(r.explanation()).endsWith(".");
            assertThat(r.version()).isPositive();
        });
    }

    @Test
    void parametersComeFromTheSetOverTheDefaults() {
        AlcoaRuleSet set = read("""
                {"version": "7", "rules": [{"id": "ALCOA-C-001", "severity": "MINOR", "version": 2,
                  "parameters": {"window": "PT2H"}}, {"id": "ALCOA-C-002", "severity": "CRITICAL", "version": 1}]}""");
        assertThat(set.rules()).extracting(AlcoaRule::severity)
                .containsExactly(FindingSeverity.MINOR, FindingSeverity.CRITICAL);
        assertThat(set.rules().getFirst().parameters()).containsEntry("window", "PT2H");
        assertThat(set.rules().getFirst().version()).isEqualTo(2);
        assertThat(set.rules().get(1).parameters()).containsEntry("tolerance", "PT5M");
    }

    @Test
    void anUnknownRuleIdIsRefusedWithItsName() {
        assertThatThrownBy(() -> read("""
                {"version": "1", "rules": [{"id": "ALCOA-X-009", "severity": "MAJOR", "version": 1}]}"""))
                .isInstanceOf(InvalidRuleSetException.class)
                .hasMessage("test-rules.json: rule ALCOA-X-009: is not a rule this hub implements")
                .extracting(e -> ((InvalidRuleSetException) e).ruleId()).isEqualTo("ALCOA-X-009");
    }

    @Test
    void aDuplicateRuleIdIsRefusedWithItsName() {
        assertThatThrownBy(() -> read("""
                {"version": "1", "rules": [{"id": "ALCOA-A-001", "severity": "MAJOR", "version": 1},
                  {"id": "ALCOA-A-001", "severity": "CRITICAL", "version": 1}]}"""))
                .isInstanceOf(InvalidRuleSetException.class)
                .hasMessage("test-rules.json: rule ALCOA-A-001: is listed twice");
    }

    @Test
    void aBadSeverityVersionOrParameterIsRefusedNamingTheRule() {
        assertThatThrownBy(() -> read("""
                {"version": "1", "rules": [{"id": "ALCOA-A-001", "severity": "BLOCKER", "version": 1}]}"""))
                .hasMessageContaining("rule ALCOA-A-001: severity 'BLOCKER' is not one of");
        assertThatThrownBy(() -> read("""
                {"version": "1", "rules": [{"id": "ALCOA-A-001", "severity": "MAJOR"}]}"""))
                .hasMessageContaining("rule ALCOA-A-001: needs a \"version\"");
        assertThatThrownBy(() -> read("""
                {"version": "1", "rules": [{"id": "ALCOA-A-001", "severity": "MAJOR", "version": 1,
                  "parameters": {"window": "PT1H"}}]}"""))
                .hasMessageContaining("rule ALCOA-A-001: takes no parameter 'window'");
        assertThatThrownBy(() -> read("""
                {"version": "1", "rules": [{"id": "ALCOA-C-001", "severity": "MAJOR", "version": 1,
                  "parameters": {"window": "a day"}}]}"""))
                .hasMessageContaining("rule ALCOA-C-001: parameter 'window' = 'a day' is not of the form of 'PT24H'");
    }

    @Test
    void aDocumentWithoutVersionOrRulesIsRefused() {
        assertThatThrownBy(() -> read("{\"rules\": []}")).isInstanceOf(InvalidRuleSetException.class)
                .hasMessage("test-rules.json: names no \"version\"");
        assertThatThrownBy(() -> read("{\"version\": \"1\", \"rules\": []}"))
                .hasMessage("test-rules.json: lists no \"rules\"");
        assertThatThrownBy(() -> read("[1, 2")).isInstanceOf(InvalidRuleSetException.class)
                .hasMessageStartingWith("test-rules.json: is not a rule set document");
    }

    private static AlcoaRuleSet read(String json) {
        return AlcoaRuleSet.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test-rules.json");
    }
}
