package org.batchledger.lineage.genealogy;

import java.util.List;

/**
 * What the given batches share upstream, ranked: most batches first, then nearest, then ID. {@code complete} is
 * false when any of the batches' traces was truncated, so a shared source may be missing.
 */
public record CommonUpstream(int batches, List<SharedUpstream> items, boolean complete) {
    public CommonUpstream {
        items = List.copyOf(items);
    }
}
