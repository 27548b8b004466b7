package org.batchledger.lineage.genealogy;

/**
 * Whether the reached part of the genealogy has a directed cycle. A visited set alone cannot tell a cycle from a
 * diamond (both revisit a node), so this runs Kahn's topological sort over the links — linear in nodes and links:
 * nodes left unsorted lie on or behind a cycle.
 */
final class Cycles {
    private Cycles() {
    }

    /** {@code links}: (from, to) node index pairs, flattened. */
    static boolean exist(int nodeCount, int[] links) {
        int[] inDegree = new int[nodeCount];
        int[] outStart = new int[nodeCount + 1];
        for (int i = 0; i < links.length; i += 2) {
            outStart[links[i] + 1]++;
            inDegree[links[i + 1]]++;
        }
        for (int n = 0; n < nodeCount; n++) {
            outStart[n + 1] += outStart[n];
        }
        int[] fill = java.util.Arrays.copyOf(outStart, nodeCount);
        int[] out = new int[links.length / 2];
        for (int i = 0; i < links.length; i += 2) {
            out[fill[links[i]]++] = links[i + 1];
        }
        int[] ready = new int[nodeCount];
        int tail = 0;
        for (int n = 0; n < nodeCount; n++) {
            if (inDegree[n] == 0) {
                ready[tail++] = n;
            }
        }
        for (int head = 0; head < tail; head++) {
            int n = ready[head];
            for (int e = outStart[n]; e < outStart[n + 1]; e++) {
                if (--inDegree[out[e]] == 0) {
                    ready[tail++] = out[e];
                }
            }
        }
        return tail < nodeCount;
    }
}
