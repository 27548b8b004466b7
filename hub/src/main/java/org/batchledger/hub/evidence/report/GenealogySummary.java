package org.batchledger.hub.evidence.report;

import java.util.List;

/**
 * The genealogy as the report prints it: the counts, and the upstream list one line per node.
 *
 * @param nodes    how many nodes the package's genealogy holds
 * @param edges    how many edges
 * @param upstream the upstream list, in print order
 */
public record GenealogySummary(int nodes, int edges, List<Line> upstream) {

    public GenealogySummary {
        upstream = Lists.copy(upstream);
    }

    /**
     * One node of the upstream list.
     *
     * @param type     the node type (e.g. {@code MaterialLot})
     * @param key      its key
     * @param relation the edge that reached it (e.g. {@code CONSUMED})
     * @param depth    hops from the subject, 1 for a direct input
     */
    public record Line(String type, String key, String relation, int depth) {
    }
}
