package org.batchledger.hub.api.guardrail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.HubTestBase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * REQ-SECURITY-002, REQ-SECURITY-003, REQ-SECURITY-010, REQ-API-001, REQ-API-002, REQ-API-003, REQ-RELIABILITY-007,
 * REQ-RELIABILITY-008, bad input: tokens, malformed documents, ids, page sizes, cost and size abuse.
 */
@Tag("REQ-SECURITY-002")
@Tag("REQ-SECURITY-003")
@Tag("REQ-API-001")
@Tag("REQ-API-002")
@Tag("REQ-API-003")
@Tag("REQ-SECURITY-010")
@Tag("REQ-SECURITY-008")
class ApiGuardrailsIT extends HubTestBase {
    private static final String BATCHES = "{ batches(first: 1) { edges { node { id } } } }";

    @Test
    void missingTokenIsRefusedWith401SayingWhatIsMissingAndNoData() {
        Response r = graphql().post(null, BATCHES);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(r.body().getString("detail")).contains("bearer token is required");
        assertThat(r.body().containsKey("data")).isFalse();
    }

    @Test
    @Tag("REQ-RELIABILITY-007")
    void decoyFieldsWithAHugeFirstCannotWrapTheCostBelowTheLimit() {
        String decoys = "d1: batches(first: 2000000000) { edges { node { id } } } "
                + "d2: batches(first: 2000000000) { edges { node { id } } } "
                + "d3: batches(first: 2000000000) { edges { node { id } } } ";
        String fanOut = java.util.stream.IntStream.range(0, 10).mapToObj(i -> "a" + i
                + ": batches(first: 100) { edges { node { id stepRecords(first: 100) { edges { node { id } } } } } }")
                .collect(java.util.stream.Collectors.joining(" "));
        Response r = graphql().post(inspector(), "{ " + decoys + fanOut + " }");
        assertThat(r.errorClass()).isEqualTo("BAD_REQUEST");
        assertThat(message(r)).contains("maxCost");
        assertThat(!r.body().containsKey("data") || r.body().isNull("data")).isTrue();
    }

    @Test
    @Tag("REQ-RELIABILITY-007")
    void verifyLedgerAndTracesCarryFixedCostsSoAFewOfThemFillARequest() {
        String many = java.util.stream.IntStream.range(0, 2).mapToObj(i -> "v" + i + ": verifyLedger { ok }")
                .collect(java.util.stream.Collectors.joining(" "));
        Response r = graphql().post(TOKENS.forUser("inspector", "inspector"), "{ " + many + " }");
        assertThat(r.errorClass()).isEqualTo("BAD_REQUEST");
        assertThat(message(r)).contains("maxCost");
    }

    @Test
    @Tag("REQ-RELIABILITY-008")
    void aRequestSelectingMoreFieldsThanTheLimitIsRefusedBeforeItRuns() {
        String aliases = java.util.stream.IntStream.range(0, 2_100).mapToObj(i -> "a" + i + ": __typename")
                .collect(java.util.stream.Collectors.joining(" "));
        // five fields per alias: 2,100 fields in 420 aliases, well inside the parser's token limit
        String nodes = java.util.stream.IntStream.range(0, 420).mapToObj(i -> "n" + i
                        + ": node(id: $x) { id ... on Batch { key stage status } }")
                .collect(java.util.stream.Collectors.joining(" "));
        assertThat(graphql().post(inspector(), "{ " + aliases + " }").hasErrors()).as("__typename is free").isFalse();
        Response r = graphql().post(inspector(), "query($x: ID!) { " + nodes + " }", java.util.Map.of("x", "Batch:x:B-1"));
        assertThat(r.errorClass()).isEqualTo("BAD_REQUEST");
        assertThat(message(r)).contains("maxFields");
    }

    @Test
    @Tag("REQ-RELIABILITY-008")
    void anOversizedBodyIsRefusedWith413BeforeItIsReadAndAChunkedOneAsSoonAsItPassesTheLimit() throws Exception {
        String big = "{\"query\":\"query($x: String) { __typename }\",\"variables\":{\"x\":\"" + "a".repeat(2_000_000) + "\"}}";
        Response declared = graphql().sendRaw(inspector(), big, java.util.Map.of());
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.body().getString("detail")).contains("maxBodyBytes");

        var chunked = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + inspector())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        big.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isBetween(400, 413);
        assertThat(chunked.body()).doesNotContain("aaaaaaaaaa");
    }

    @Test
    @Tag("REQ-RELIABILITY-008")
    void errorsNeverEchoALongInputWhole() {
        String longValue = "x".repeat(600_000);
        Response wrongType = graphql().post(inspector(), "query($n: Int) { batches(first: $n) { edges { node { id } } } }",
                java.util.Map.of("n", longValue));
        assertThat(wrongType.errorClass()).isEqualTo("BAD_REQUEST");
        assertThat(message(wrongType).length()).isLessThan(1_000);

        Response longId = graphql().post(inspector(), "query($id: ID!) { node(id: $id) { id } }",
                java.util.Map.of("id", "Batch:" + longValue));
        assertThat(longId.errorClass()).isEqualTo("BAD_REQUEST");
        assertThat(message(longId)).contains("longer than the limit").hasSizeLessThan(200);
    }

    private static String message(Response r) {
        return r.body().getJsonArray("errors").getJsonObject(0).getString("message");
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
    @Tag("REQ-SECURITY-008")
    void tokenForgeriesAreRefusedWith401() throws Exception {
        String valid = TOKENS.forUser("admin", "admin");
        String[] parts = valid.split("\\.");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String payload = parts[1];

        String unsigned = "none"; // RFC 7519's unsecured JWT: no signature at all
        String algNone = b64.encodeToString(("{\"alg\":\"" + unsigned + "\",\"typ\":\"JWT\"}").getBytes(UTF_8))
                + "." + payload + ".";
        // the classic key-confusion attack: HS256 keyed with the realm's public key as the server publishes it
        String jwks = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(TOKENS.jwkSetUri())).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        java.security.interfaces.RSAPublicKey publicKey = com.nimbusds.jose.jwk.JWKSet.parse(jwks).getKeys().getFirst()
                .toRSAKey().toRSAPublicKey();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(UTF_8))
                .encodeToString(publicKey.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        String hsHeader = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"test-key\"}".getBytes(UTF_8));
        String hsWithPem = hs256(hsHeader + "." + payload, pem.getBytes(UTF_8));
        String hsWithDer = hs256(hsHeader + "." + payload, publicKey.getEncoded());
        String tampered = parts[0] + "." + payload + "." + (parts[2].charAt(0) == 'A' ? 'B' : 'A') + parts[2].substring(1);
        String otherPayload = b64.encodeToString(new String(Base64.getUrlDecoder().decode(payload), UTF_8)
                .replace("\"admin\"]", "\"admin\",\"qa-release\"]").getBytes(UTF_8));
        String payloadSwapped = parts[0] + "." + otherPayload + "." + parts[2];
        String unknownKid = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"no-such-key\"}"
                .getBytes(UTF_8)) + "." + payload + "." + parts[2];

        for (String forged : new String[] {algNone, hsWithPem, hsWithDer, tampered, payloadSwapped, unknownKid,
                TOKENS.notYetValid("admin", "admin")}) {
            Response r = graphql().post(forged, BATCHES);
            assertThat(r.status()).as(forged).isEqualTo(401);
            assertThat(r.body().containsKey("data")).isFalse();
        }
        assertThat(graphql().post(valid, BATCHES).status()).isEqualTo(200);
    }

    private static String hs256(String signingInput, byte[] secret) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(signingInput.getBytes(UTF_8)));
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
