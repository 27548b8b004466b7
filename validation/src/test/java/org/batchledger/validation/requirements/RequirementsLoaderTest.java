package org.batchledger.validation.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.batchledger.validation.TestProject.A;
import static org.batchledger.validation.TestProject.B;
import static org.batchledger.validation.TestProject.D;
import static org.batchledger.validation.TestProject.NONE;

import java.nio.file.Path;
import org.batchledger.validation.TestProject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("REQ-VALIDATION-001")
class RequirementsLoaderTest {
    @TempDir
    Path dir;

    @Test
    @Tag("REQ-VALIDATION-006")
    void theProjectsOwnRequirementsAndClauseMatrixLoadAndCoverEveryClauseInScope() {
        RequirementSet set = RequirementsLoader.load(Path.of(".."));
        assertThat(set.requirements()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(set.requirements()).allSatisfy(r -> {
            assertThat(r.riskReason()).isNotBlank();
            assertThat(r.clauses()).isNotEmpty();
        });
        assertThat(set.clauses()).extracting(Clause::clause).contains("21 CFR 11.10(a)", "21 CFR 11.10(k)",
                "21 CFR 11.50", "21 CFR 11.70", "21 CFR 11.100", "21 CFR 11.200", "21 CFR 11.300", "EU Annex 11 §4",
                "EU Annex 11 §7", "EU Annex 11 §8", "EU Annex 11 §9", "EU Annex 11 §10", "EU Annex 11 §11",
                "EU Annex 11 §12", "EU Annex 11 §14", "EU Annex 11 §16", "EU Annex 11 §17");
        assertThat(set.clauses()).filteredOn(c -> c.requirements().isEmpty())
                .allSatisfy(c -> assertThat(c.userProcedures()).isPresent());
    }

    @Test
    void aRequirementIsReadWithItsFeatureFileAndLine() {
        new TestProject(dir).standard();
        RequirementSet set = RequirementsLoader.load(dir);
        Requirement b = set.find(B).orElseThrow();
        assertThat(b.feature()).isEqualTo("features");
        assertThat(b.where()).isEqualTo("requirements/features.yaml:9");
        assertThat(b.risk()).isEqualTo(Requirement.Risk.NOT_HIGH);
        assertThat(b.touches()).containsExactly("org.example.b", "**/CorrectionRules.java");
        assertThat(set.find(D).orElseThrow().planned()).isTrue();
        assertThat(set.clauses()).hasSize(2);
    }

    @Test
    void everyProblemOfEveryFileIsNamedWithFileLineAndField() {
        new TestProject(dir).standard().write("requirements/bad.yaml", """
                - id: %s
                  statement: again
                  intendedUse: x
                  risk: medium
                  riskReason: y
                  assurance: scripted-test
                  clauses: ["Part 11"]
                  owner: me
                - id: req-lower-1
                  statement: x
                """.formatted(A));
        assertThatThrownBy(() -> RequirementsLoader.load(dir)).isInstanceOfSatisfying(RequirementsException.class,
                e -> assertThat(e.problems()).contains(
                        "requirements/bad.yaml:4: field 'risk' is 'medium', expected one of [high, not-high]",
                        "requirements/bad.yaml:8: unknown field 'owner' (known: assurance, clauses, id, intendedUse, "
                                + "rationale, risk, riskReason, statement, status, touches)",
                        "requirements/bad.yaml:9: id 'req-lower-1' is not of the form REQ-<FEATURE>-<NNN>",
                        "requirements/bad.yaml:9: missing field 'intendedUse'",
                        "requirements/features.yaml:1: duplicate id " + A + " (also at requirements/bad.yaml:1)")
                        .anySatisfy(p -> assertThat(p).startsWith("requirements/bad.yaml:7: " + A + ": clause "
                                + "'Part 11' is not of the form")));
    }

    @Test
    void invalidYamlAndAClauseNamingAnUnknownRequirementAreRefused() {
        new TestProject(dir).standard().write("requirements/broken.yaml", "- id: [unclosed\n")
                .write("requirements/clauses.yaml", """
                        - clause: "21 CFR 11.10(a)"
                          topic: validation
                          requirements: [%s]
                        """.formatted(NONE));
        assertThatThrownBy(() -> RequirementsLoader.load(dir)).isInstanceOfSatisfying(RequirementsException.class,
                e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).matches("requirements/broken.yaml:\\d+: not valid YAML.*"))
                        .contains("requirements/clauses.yaml:1: clause '21 CFR 11.10(a)' names unknown requirement "
                                + NONE));
    }
}
