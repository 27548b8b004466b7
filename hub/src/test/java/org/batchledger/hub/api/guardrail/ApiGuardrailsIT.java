package org.batchledger.hub.api.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.HubTestBase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * REQ-SECURITY-002, REQ-SECURITY-003, REQ-API-001, REQ-API-002, REQ-API-003, bad input: tokens, malformed
 * documents, ids, page sizes.
 */
@Tag("REQ-SECURITY-002")
@Tag("REQ-SECURITY-003")
@Tag("REQ-API-001")
@Tag("REQ-API-002")
@Tag("REQ-API-003")
class ApiGuardrailsIT extends HubTestBase {
    private static final String BATCHES = "{ batches(first: 1) { edges { node { id } } } }";

    @Test
    void missingTokenIsRefusedWith401AndNoData() {
        Response r = graphql().post(null, BATCHES);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).isNull();
    }

    @Test
    void expiredForgedWrongIssuerAndWrongAudienceTokensAreRefusedWith401() {
        assertThat(graphql().post(TOKENS.expired("inspector", "inspector"), BATCHES).status()).isEqualTo(401);
        assertThat(graphql().post(TOKENS.forged("inspector", "inspector"), BATCHES).status()).isEqualTo(401);
        assertThat(graphql().post(TOKENS.wrongIssuer("inspector", "inspector"), BATCHES).status()).isEqualTo(401);
        assertThat(graphql().post(TOKENS.wrongAudience("inspector", "inspector"), BATCHES).status()).isEqualTo(401);
        assertThat(graphql().post("not.a.jwt", BATCHES).status()).isEqualTo(401);
    }

    @Test
    void aRoleThatMayNotReadAFieldGetsForbiddenAndNoData() {
        Response r = graphql().post(TOKENS.forUser("ingest", "adapter"), BATCHES);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.errorClass()).isEqualTo("FORBIDDEN");
        assertThat(r.body().isNull("data")).isTrue();
    }

    @Test
    void malformedGraphQlIsBadRequestWithItsLocation() {
        Response r = graphql().post(inspector(), "{ batches(first: 1) { edges { node { id } }");
        assertThat(r.errorClass()).isEqualTo("BAD_REQUEST");
        assertThat(r.body().getJsonArray("errors").getJsonObject(0).getJsonArray("locations")).isNotEmpty();
    }

    @Test
    void unknownFieldIsBadRequest() {
        assertThat(graphql().post(inspector(), "{ batches(first: 1) { nope } }").errorClass()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void pageSizeAbove100OrBelow0IsBadRequest() {
        Response big = graphql().post(inspector(), "{ batches(first: 1000) { edges { node { id } } } }");
        assertThat(big.errorClass()).isEqualTo("BAD_REQUEST");
        assertThat(big.body().getJsonArray("errors").getJsonObject(0).getString("message")).contains("first", "100");
        assertThat(graphql().post(inspector(), "{ lots(first: -1) { edges { node { id } } } }").errorClass())
                .isEqualTo("BAD_REQUEST");
    }

    @Test
    void unknownIdIsNullWithNotFoundNotAServerError() {
        Response r = graphql().post(inspector(), "{ batch(id: \"Batch:nowhere:B-0\") { id } }");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().getJsonObject("data").isNull("batch")).isTrue();
        assertThat(r.errorClass()).isEqualTo("NOT_FOUND");
    }

    @Test
    void anIdOfTheWrongTypeOrShapeIsBadRequest() {
        assertThat(graphql().post(inspector(), "{ batch(id: \"Lot:x:L-1\") { id } }").errorClass()).isEqualTo("BAD_REQUEST");
        assertThat(graphql().post(inspector(), "{ node(id: \"garbage\") { id } }").errorClass()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void aBadCursorIsBadRequest() {
        assertThat(graphql().post(inspector(), "{ batches(first: 5, after: \"%%%\") { edges { node { id } } } }")
                .errorClass()).isEqualTo("BAD_REQUEST");
    }
}
