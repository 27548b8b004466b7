package org.batchledger.lineage.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.batchledger.lineage.signature.MeaningRules.InvalidMeaningRulesException;
import org.batchledger.lineage.write.RefusalRule;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature.SignatureMeaning;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The role-meaning matrix is versioned data, checked when read: a typo refuses the start, naming where. */
@Tag("REQ-SIGNATURE-007")
@Tag("REQ-SIGNATURE-023")
class MeaningRulesTest {
    private static final String VALID_REST = """
            "VERIFIED": {"duty": "verifier", "roles": ["operator"], "records": ["StepRecord"]},
            "REVIEWED": {"duty": "reviewer", "roles": ["qa-reviewer"], "records": ["Batch"]},
            "APPROVED": {"duty": "approver", "roles": ["qa-reviewer"], "records": ["Deviation"]},
            "AUDIT_TRAIL_REVIEWED": {"duty": "reviewer", "roles": ["qa-reviewer"], "records": ["Batch"]},
            "RELEASED": {"duty": "releaser", "roles": ["qa-release"], "records": ["Batch"], "takenBy": "disposition"},
            "REJECTED": {"duty": "releaser", "roles": ["qa-release"], "records": ["Batch"], "takenBy": "disposition"}
            """;

    @Test
    void theShippedRulesAreVersionedAndCoverEveryMeaningWithTheIntendedRoles() {
        MeaningRules rules = MeaningRules.defaults();

        assertThat(rules.version()).isNotBlank();
        assertThat(rules.grant(SignatureMeaning.PERFORMED).roles()).containsExactly("operator");
        assertThat(rules.grant(SignatureMeaning.REVIEWED).roles()).containsExactly("qa-reviewer");
        assertThat(rules.grant(SignatureMeaning.RELEASED).roles()).containsExactly("qa-release");
        assertThat(rules.grant(SignatureMeaning.RELEASED).takenBy()).isEqualTo("disposition");
        assertThat(rules.grant(SignatureMeaning.AUDIT_TRAIL_REVIEWED).records()).containsExactly(RecordType.BATCH);
        for (SignatureMeaning m : SignatureMeaning.values()) {
            assertThat(rules.grant(m).roles()).as(m.name()).doesNotContain("inspector", "adapter", "admin");
        }
    }

    @Test
    void anOperatorPerformsButNeitherReviewsNorReleases() {
        MeaningRules rules = MeaningRules.defaults();
        Set<String> operator = Set.of("operator");

        assertThat(rules.refusal(SignatureMeaning.PERFORMED, operator, RecordType.STEP_RECORD)).isEmpty();
        assertThat(rules.refusal(SignatureMeaning.REVIEWED, operator, RecordType.BATCH)).get()
                .extracting(RefusalRule::id).isEqualTo("SIG-MEANING-ROLE");
        assertThat(rules.refusal(SignatureMeaning.AUDIT_TRAIL_REVIEWED, Set.of("admin"), RecordType.BATCH)).get()
                .extracting(RefusalRule::id).isEqualTo("SIG-MEANING-ROLE");
    }

    @Test
    void anUnknownRoleIsRefusedNamingItsPointer() {
        assertThatThrownBy(() -> read("{\"duty\": \"performer\", \"roles\": [\"operater\"], \"records\": [\"Batch\"]}"))
                .isInstanceOf(InvalidMeaningRulesException.class)
                .hasMessageContaining("/meanings/PERFORMED/roles/0").hasMessageContaining("operater");
    }

    @Test
    void anUnknownMeaningRecordTypeOrDutyIsRefused() {
        assertThatThrownBy(() -> MeaningRules.read(json("\"SIGNED_OFF\": {}, \"PERFORMED\": "
                + "{\"duty\": \"performer\", \"roles\": [\"operator\"], \"records\": [\"Batch\"]}"), "t.json"))
                .isInstanceOf(InvalidMeaningRulesException.class).hasMessageContaining("/meanings/SIGNED_OFF")
                .hasMessageContaining("unknown signature meaning");
        assertThatThrownBy(() -> read("{\"duty\": \"performer\", \"roles\": [\"operator\"], \"records\": [\"Bach\"]}"))
                .hasMessageContaining("/meanings/PERFORMED/records/0");
        assertThatThrownBy(() -> read("{\"duty\": \"doer\", \"roles\": [\"operator\"], \"records\": [\"Batch\"]}"))
                .hasMessageContaining("/meanings/PERFORMED/duty");
    }

    @Test
    void aMeaningWithoutARuleIsRefused() {
        assertThatThrownBy(() -> MeaningRules.read(json(VALID_REST.strip()), "t.json"))
                .isInstanceOf(InvalidMeaningRulesException.class).hasMessageContaining("PERFORMED has no rule");
    }

    private static MeaningRules read(String performed) {
        return MeaningRules.read(json("\"PERFORMED\": " + performed + ", " + VALID_REST.strip()), "t.json");
    }

    private static ByteArrayInputStream json(String meanings) {
        return new ByteArrayInputStream(("{\"version\": \"t\", \"meanings\": {" + meanings + "}}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
