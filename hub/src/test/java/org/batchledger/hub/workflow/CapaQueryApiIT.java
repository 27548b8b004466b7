package org.batchledger.hub.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.HubTestBase;
import org.batchledger.lineage.testsupport.ReleasePlant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The read-only {@code capas} list and {@code capa} page over GraphQL with real test tokens, on the release fixture's
 * deviation rp:DEV-7: a status filter, keyset paging, a CAPA by ID and by key with the deviations it addresses, an
 * unknown CAPA, and the roles of the other record reads (an adapter is refused).
 */
@Tag("REQ-UI-034")
class CapaQueryApiIT extends HubTestBase {
    private static final String OPEN = """
            mutation($t: String!) { openCapa(title: $t, action: "replace the punches", deviations: ["Deviation:rp:DEV-7"]) {
              id key } }""";
    private static final String LIST = """
            query($status: CapaStatus, $after: String) { capas(first: 1, after: $after, filter: { status: $status }) {
              edges { cursor node { key status } } pageInfo { hasNextPage endCursor } } }""";
    private static final String ONE = """
            query($id: ID!) { capa(id: $id) { id key title status deviations
              addressedDeviations { id key status severity } } }""";

    @BeforeEach
    void blockedBatch() {
        cleanLedger();
        ReleasePlant.blocked().write(NEO4J.writer());
    }

    private static String reviewer() {
        return TOKENS.authenticatedAt(Instant.now(), "reviewer", "qa-reviewer");
    }

    private String open(String title) {
        Response r = graphql().post(reviewer(), OPEN, Map.of("t", title));
        assertThat(r.hasErrors()).as("%s", r.body()).isFalse();
        return r.at("/data/openCapa/key").toString().replace("\"", "");
    }

    @Test
    void capasAreListedByStatusInKeysetPagesAndOneIsReadWithTheDeviationsItAddresses() {
        String first = open("punches worn");
        String second = open("punch inspection interval");
        Response implemented = graphql().post(reviewer(), """
                mutation($c: ID!) { transitionCapa(capa: $c, transition: "IMPLEMENT", reason: "done") { toState } }""",
                Map.of("c", "Capa:" + second));
        assertThat(implemented.hasErrors()).as("%s", implemented.body()).isFalse();
        String operator = TOKENS.forUser("operator", "operator");

        Response opened = graphql().post(operator, LIST, Map.of("status", "OPENED"));
        Response all = graphql().post(TOKENS.forUser("inspector", "inspector"), LIST, Map.of());
        String cursor = all.at("/data/capas/pageInfo/endCursor").toString().replace("\"", "");
        Response next = graphql().post(TOKENS.forUser("inspector", "inspector"), LIST, Map.of("after", cursor));

        assertThat(opened.hasErrors()).as("%s", opened.body()).isFalse();
        assertThat(opened.at("/data/capas/edges/0/node/key").toString()).isEqualTo("\"" + first + "\"");
        assertThat(opened.at("/data/capas/pageInfo/hasNextPage").toString()).isEqualTo("false");
        assertThat(all.at("/data/capas/pageInfo/hasNextPage").toString()).isEqualTo("true");
        assertThat(next.at("/data/capas/edges").asJsonArray()).hasSize(1);
        assertThat(next.at("/data/capas/pageInfo/hasNextPage").toString()).isEqualTo("false");
        assertThat(java.util.List.of(all.at("/data/capas/edges/0/node/key").toString(),
                next.at("/data/capas/edges/0/node/key").toString()))
                .containsExactlyInAnyOrder("\"" + first + "\"", "\"" + second + "\"");

        Response byId = graphql().post(operator, ONE, Map.of("id", "Capa:" + second));
        Response byKey = graphql().post(operator, ONE, Map.of("id", second));
        assertThat(byId.hasErrors()).as("%s", byId.body()).isFalse();
        assertThat(byId.at("/data/capa/status").toString()).isEqualTo("\"IMPLEMENTED\"");
        assertThat(byId.at("/data/capa/deviations/0").toString()).isEqualTo("\"Deviation:rp:DEV-7\"");
        assertThat(byId.at("/data/capa/addressedDeviations/0/key").toString()).isEqualTo("\"rp:DEV-7\"");
        assertThat(byKey.body()).isEqualTo(byId.body());
    }

    @Test
    void anUnknownCapaIsNotFoundAndARoleWithoutRecordReadsIsForbidden() {
        open("punches worn");
        Response unknown = graphql().post(TOKENS.forUser("operator", "operator"), ONE, Map.of("id", "Capa:hub:capa:none"));
        Response adapter = graphql().post(TOKENS.forUser("adapter", "adapter"), LIST, Map.of());

        assertThat(unknown.errorClass()).isEqualTo("NOT_FOUND");
        assertThat(unknown.at("/data/capa").toString()).isEqualTo("null");
        assertThat(adapter.errorClass()).isEqualTo("FORBIDDEN");
        assertThat(adapter.body().isNull("data") || adapter.at("/data/capas").toString().equals("null")).isTrue();
    }
}
