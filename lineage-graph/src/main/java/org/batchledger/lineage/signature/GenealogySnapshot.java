package org.batchledger.lineage.signature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import org.batchledger.lineage.genealogy.TraceLink;
import org.batchledger.lineage.genealogy.TracedNode;
import org.batchledger.lineage.genealogy.TraceResult;

/**
 * What a release saw of a batch's genealogy: the tree size it was read at and SHA-256 hashes of the sorted set of
 * upstream node IDs ({@code Label:key}, the batch itself included) and of the sorted set of edges
 * ({@code from>to}), each element followed by a newline (UTF-8). Anyone re-running {@code trace(UPSTREAM)} as of
 * {@code treeSize} with the same limits recomputes the same hashes with {@link #of(long, TraceResult)}.
 *
 * @param complete whether the trace reached everything upstream (false: cut by the trace limits)
 */
public record GenealogySnapshot(long treeSize, String nodesSha256, String edgesSha256, int nodeCount,
                                int edgeCount, boolean complete) {
    public static GenealogySnapshot of(long treeSize, TraceResult upstream) {
        List<String> nodes = upstream.nodes().stream().map(TracedNode::ref).map(Object::toString).toList();
        List<String> edges = upstream.links().stream().map(TraceLink::sortKey).toList();
        TreeSet<String> nodeSet = new TreeSet<>(nodes);
        TreeSet<String> edgeSet = new TreeSet<>(edges);
        return new GenealogySnapshot(treeSize, sha256(nodeSet), sha256(edgeSet), nodeSet.size(), edgeSet.size(),
                upstream.complete());
    }

    private static String sha256(TreeSet<String> sorted) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String s : sorted) {
                digest.update((s + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
