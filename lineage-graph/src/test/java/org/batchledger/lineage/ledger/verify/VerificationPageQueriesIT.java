package org.batchledger.lineage.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ledger.tile.TileStore;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.schema.record.RecordType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.summary.Plan;

/**
 * Verification reads the whole ledger and graph in keyset pages; each page must be a range seek on an index,
 * delivered in index order, so that no page sorts or scans what comes after it (linear in the ledger, not
 * quadratic). The graph replay fetches a page's elements by index seeks, one per entry.
 */
@Tag("REQ-PERF-004")
class VerificationPageQueriesIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();

    @Test
    void bundlePagesAreAnIndexRangeSeekInIndexOrderWithoutASort() {
        List<String> operators = operators(TileStore.BUNDLE_PAGE);

        assertThat(operators).contains("NodeUniqueIndexSeekByRange").doesNotContain("Sort", "Top", "PartialSort",
                "PartialTop", "NodeByLabelScan", "AllNodesScan");
    }

    @Test
    void theReplaysPageQuerySeeksEveryTypesElementsByIndexAndScansNothing() {
        Map<String, Object> params = new java.util.HashMap<>(Map.of("after", 0L, "last", 1L, "limit", 1));
        for (RecordType type : RecordType.values()) {
            params.put(ReplayQuery.param(type), List.of(1L, 2L));
        }

        List<String> operators = operators(ReplayQuery.TEXT, params);

        assertThat(operators).filteredOn(o -> o.contains("IndexSeek")).hasSizeGreaterThanOrEqualTo(
                RecordType.values().length);
        assertThat(operators).noneMatch(o -> o.contains("Scan"));
    }

    private static List<String> operators(String query) {
        return operators(query, Map.of("after", 0L, "last", 1_000_000L, "from", 0L, "to", 1_000L,
                "limit", ChainCheck.PAGE));
    }

    private static List<String> operators(String query, Map<String, Object> params) {
        Plan plan = NEO4J.db().read(tx -> tx.run("EXPLAIN " + query, params).consume().plan());
        List<String> operators = new ArrayList<>();
        collect(plan, operators);
        return operators;
    }

    private static void collect(Plan plan, List<String> operators) {
        operators.add(plan.operatorType().replace("@neo4j", ""));
        plan.children().forEach(child -> collect(child, operators));
    }
}
