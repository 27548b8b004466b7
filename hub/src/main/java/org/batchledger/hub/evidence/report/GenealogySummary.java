package org.batchledger.hub.evidence.report;

import java.util.List;

/**
 * The genealogy as the report prints it: the counts, the list one line per node (upstream of a batch, downstream
 * of a recalled lot), and for a recall the affected batches and lots the manifest states.
 *
 * @param nodes      how many nodes the package's genealogy holds
 * @param edges      how many edges
 * @param upstream   the traced nodes, in print order (upstream of a batch; downstream of a recalled lot)
 * @param downstream whether the walk is a recall's, downstream from the lot
 * @param affected   a recall's affected batches and lots (empty for a batch package)
 */
public record GenealogySummary(int nodes, int edges, List<Line> upstream, boolean downstream,
                               List<Affected> affected) {

    public GenealogySummary {
        upstream = Lists.copy(upstream);
        affected = Lists.copy(affected);
    }

    /** A batch package's summary: the upstream walk, no affected set. */
    public GenealogySummary(int nodes, int edges, List<Line> upstream) {
        this(nodes, edges, upstream, false, List.of());
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

    /**
     * One batch or lot affected by a recall, as the manifest states it.
     *
     * @param id              its global ID ({@code Batch:…}, {@code Lot:…})
     * @param hop             hops downstream of the recalled lot
     * @param status          its status as of the package's checkpoint (null when its record says none)
     * @param finishedProduct whether it is finished product (what {@code recallImpact} lists)
     */
    public record Affected(String id, int hop, String status, boolean finishedProduct) {
    }
}
