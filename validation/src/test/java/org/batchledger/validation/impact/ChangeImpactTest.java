package org.batchledger.validation.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.batchledger.validation.TestProject.A;
import static org.batchledger.validation.TestProject.B;

import java.nio.file.Path;
import org.batchledger.validation.TestProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Change impact in a temporary git repository: version 1, then a documentation change, then a real one. */
@Tag("REQ-VALIDATION-005")
class ChangeImpactTest {
    static final String SDL = """
            type Query { batch(id: ID!): Batch }
            type Batch { id: ID! status: String! lots(first: Int): LotConnection! }
            type Lot { id: ID! }
            """;
    @TempDir
    Path dir;
    TestProject project;

    @BeforeEach
    void version1() {
        project = new TestProject(dir).gitInit().standard()
                .write("README.md", "# App\n")
                .write("schema/src/main/resources/graphql/record.graphqls", SDL)
                .write("requirements/correction-rules.txt", "Batch.status: CORR-STATUS\nLot.quantity: operator\n")
                .write("app/src/main/java/org/example/b/B.java", "package org.example.b; class B {}\n")
                .write("app/src/main/java/other/O.java", "package other; class O {}\n")
                .commit("version 1");
        project.git("tag", "v1");
    }

    @Test
    void aDocumentationOnlyChangeImpactsNoRequirement() {
        project.write("README.md", "# App\n\nBetter words.\n").write("docs/guide.md", "guide\n").commit("docs");
        ChangeImpact impact = ChangeImpact.between(dir, "v1", "HEAD");
        assertThat(impact.files()).containsExactly("README.md", "docs/guide.md");
        assertThat(impact.noRequirementImpacted()).isTrue();
        assertThat(impact.render()).contains("No requirement impacted (documentation-only change).",
                "GraphQL schema (graphql-java SchemaDiff): no change", "Dependencies: no change");
    }

    @Test
    void schemaRuleDependencyAndCodeChangesNameTheRequirementsTheyTouch() {
        project.write("schema/src/main/resources/graphql/record.graphqls", SDL.replace(" status: String!", "")
                        + "extend type Lot { quantity: Float }\n")
                .write("requirements/correction-rules.txt", "Batch.status: CORR-STATUS\nLot.quantity: qa-reviewer\n")
                .write("pom.xml", TestProject.POM.replace("<version>1.0</version>", "<version>1.1</version>"))
                .write("app/src/main/java/org/example/b/B.java", "package org.example.b; class B { int x; }\n")
                .commit("version 2");
        ChangeImpact impact = ChangeImpact.between(dir, "v1", "HEAD");
        assertThat(impact.schema()).extracting(SchemaChanges.Change::level, SchemaChanges.Change::where)
                .contains(org.assertj.core.groups.Tuple.tuple("BREAKING", "Batch.status"),
                        org.assertj.core.groups.Tuple.tuple("INFO", "Lot.quantity"));
        assertThat(impact.rules()).containsExactly(new ChangeImpact.RuleChange("-", "Lot.quantity: operator"),
                new ChangeImpact.RuleChange("+", "Lot.quantity: qa-reviewer"));
        assertThat(impact.dependencies()).containsExactly(new Dependencies.Change("pom.xml",
                "dependency org.x:lib", "1.0 compile", "1.1 compile"));
        assertThat(impact.impacted()).containsOnlyKeys(A, B);
        assertThat(impact.impacted().get(A)).contains("schema BREAKING Batch.status");
        assertThat(impact.impacted().get(B)).contains("file app/src/main/java/org/example/b/B.java");
        assertThat(impact.render()).contains("1 breaking", "- Lot.quantity: operator", "+ Lot.quantity: qa-reviewer",
                "pom.xml: dependency org.x:lib: 1.0 compile -> 1.1 compile", "Requirements impacted (re-validate): 2",
                A + " [high, implemented]");
    }

    @Test
    void anUnknownRefIsNamed() {
        assertThatThrownBy(() -> ChangeImpact.between(dir, "v1", "no-such-tag"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown git ref 'no-such-tag'");
    }
}
