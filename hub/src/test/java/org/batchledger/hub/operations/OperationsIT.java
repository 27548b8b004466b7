package org.batchledger.hub.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.batchledger.hub.support.HubTestBase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * REQ-RELIABILITY-002, REQ-SECURITY-006, REQ-SECURITY-011, operations: probes that include Neo4j and Keycloak, Prometheus metrics
 * with GraphQL timings for admins only (they tell versions and paths).
 */
@Tag("REQ-RELIABILITY-002")
@Tag("REQ-SECURITY-006")
@Tag("REQ-SECURITY-011")
class OperationsIT extends HubTestBase {
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @Test
    void livenessAndReadinessAreUpAndReadinessCoversNeo4jAndKeycloak() throws Exception {
        assertThat(get("/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"neo4j\"", "\"keycloak\"", "\"status\":\"UP\"");
    }

    @Test
    void prometheusExposesGraphQlRequestTimingsToAdminsOnly() throws Exception {
        graphql().post(inspector(), "{ batches(first: 1) { edges { node { id } } } }");
        HttpResponse<String> metrics = get("/actuator/prometheus", TOKENS.forUser("admin", "admin"));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("graphql_request_seconds_count");

        HttpResponse<String> anonymous = get("/actuator/prometheus", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(anonymous.body()).contains("\"status\":401", "bearer token is required").doesNotContain("java");

        HttpResponse<String> inspector = get("/actuator/prometheus", inspector());
        assertThat(inspector.statusCode()).isEqualTo(403);
        assertThat(inspector.body()).contains("\"allowedRoles\":[\"admin\"]");
        assertThat(get("/actuator/info", null).statusCode()).isEqualTo(401);
    }

    @Test
    void graphiqlIsServedWithoutATokenButHoldsNoData() throws Exception {
        HttpResponse<String> page = get("/graphiql");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("graphiql");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(path, null);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
