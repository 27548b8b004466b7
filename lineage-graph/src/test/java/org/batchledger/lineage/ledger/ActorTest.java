package org.batchledger.lineage.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** How records may name a person for segregation of duties: subject, printed name, or a name they are known by. */
@Tag("REQ-SIGNATURE-040")
class ActorTest {
    private final Actor operator = new Actor("0b7e-sub", "Olivia Operator", List.of("operator"), "hub-cli",
            Set.of(" Operator ", "akowalski"));

    @Test
    void aRecordNamesThePersonBySubjectPrintedNameUsernameOrMesUsernameIgnoringCase() {
        assertThat(operator.isNamed("0b7e-sub")).isTrue();
        assertThat(operator.isNamed("olivia operator")).isTrue();
        assertThat(operator.isNamed("OPERATOR")).isTrue();
        assertThat(operator.isNamed(" AKowalski ")).isTrue();
        assertThat(operator.knownAs()).containsExactlyInAnyOrder("operator", "akowalski");
    }

    @Test
    void aNameListingSeveralPeopleNamesEachButNeverAnotherPerson() {
        assertThat(operator.isNamed("rsingh, akowalski")).isTrue();
        assertThat(operator.isNamed("rsingh, bnguyen")).isFalse();
        assertThat(operator.isNamed("operator2")).isFalse();
        assertThat(operator.isNamed("")).isFalse();
        assertThat(operator.isNamed(null)).isFalse();
        assertThat(operator.isNamed(",")).isFalse();
    }

    @Test
    void someoneKnownBySubjectAndPrintedNameOnlyIsNotMatchedByAUsername() {
        Actor plain = new Actor("sub-1", "Rita Reviewer", List.of("qa-reviewer"), "hub-cli");
        assertThat(plain.knownAs()).isEmpty();
        assertThat(plain.isNamed("reviewer")).isFalse();
        assertThat(plain.isNamed("Rita Reviewer")).isTrue();
    }
}
