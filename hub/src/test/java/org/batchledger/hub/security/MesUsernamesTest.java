package org.batchledger.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The MES-username table and the actor it gives: a Keycloak user is known by their username and the MES usernames
 * mapped to it, ignoring case; a table naming one MES username twice stops the start.
 */
@Tag("REQ-SIGNATURE-041")
class MesUsernamesTest {
    private static Jwt token(String username) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("sub-" + username)
                .claim("preferred_username", username).claim("name", "Demo " + username).claim("azp", "hub-cli")
                .claim("realm_access", Map.of("roles", List.of("operator"))).issuedAt(Instant.now()).build();
    }

    @Test
    void aUserIsKnownByTheirUsernameAndEveryMesUsernameMappedToIt() {
        var table = new MesUsernames(Map.of("AKowalski", "Operator2", "bnguyen", "operator2", "cfernandez", "operator"));

        assertThat(table.knownAs("operator2")).containsExactlyInAnyOrder("operator2", "akowalski", "bnguyen");
        assertThat(table.knownAs("reviewer")).containsExactly("reviewer");
        assertThat(table.knownAs(null)).isEmpty();
    }

    @Test
    void theActorOfATokenCarriesTheNamesTheTableGives() {
        var converter = new RealmRolesConverter(new MesUsernames(Map.of("akowalski", "operator2")));

        var actor = CurrentActor.of(converter.convert(token("operator2")));
        var other = CurrentActor.of(converter.convert(token("operator")));

        assertThat(actor.isNamed("AKOWALSKI")).isTrue();
        assertThat(actor.isNamed("operator2")).isTrue();
        assertThat(other.isNamed("akowalski")).isFalse();
        assertThat(other.isNamed("operator")).isTrue();
        assertThat(actor.roles()).containsExactly("operator");
    }

    @Test
    void oneMesUsernameMappedTwiceIgnoringCaseIsRefused() {
        assertThatThrownBy(() -> new MesUsernames(Map.of("akowalski", "operator", "AKOWALSKI", "operator2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names one MES username twice");
    }
}
