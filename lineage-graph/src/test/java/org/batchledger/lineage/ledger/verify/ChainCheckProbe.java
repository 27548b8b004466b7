package org.batchledger.lineage.ledger.verify;

import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.batchledger.lineage.ledger.tile.TileStore.BundleWithLeaves;
import org.batchledger.lineage.store.GraphDatabase;

/**
 * The benchmarks' way into the package-private chain check: the CPU path alone over entries held in memory, or
 * the chain and tree read from the store (pages read ahead, as {@link LedgerVerifier} does), without records.
 */
public final class ChainCheckProbe {
    private ChainCheckProbe() {
    }

    /** What one pass found: entries and canonical bytes checked, whether all was clean, the recomputed root. */
    public record Outcome(long entries, long bytes, boolean clean, String root) {
    }

    /** Checks bundles (with their level-0 tiles, as read from the store) on the calling thread only. */
    public static Outcome cpu(List<BundleWithLeaves> bundles) {
        ChainCheck chain = new ChainCheck(Set.of());
        Findings findings = new Findings();
        long last = bundles.isEmpty() ? 0 : bundles.getLast().index() * 256 + bundles.getLast().width();
        for (BundleWithLeaves bundle : bundles) {
            chain.check(bundle, last, findings);
        }
        return outcome(chain, findings);
    }

    /** Entry bundles and level-0 tiles of canonical entries, built in memory as the store holds them. */
    public static List<BundleWithLeaves> bundles(List<byte[]> entries) {
        List<BundleWithLeaves> bundles = new java.util.ArrayList<>();
        for (int from = 0; from < entries.size(); from += 256) {
            java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
            java.io.ByteArrayOutputStream leaves = new java.io.ByteArrayOutputStream();
            List<byte[]> part = entries.subList(from, Math.min(entries.size(), from + 256));
            for (byte[] e : part) {
                data.write(e.length >>> 8);
                data.write(e.length & 0xFF);
                data.writeBytes(e);
                leaves.writeBytes(org.batchledger.verifier.proof.MerkleHash.leaf(e));
            }
            bundles.add(new BundleWithLeaves(from / 256, part.size(), data.toByteArray(), leaves.toByteArray()));
        }
        return bundles;
    }

    /** Reads and checks the entries {@code 1..last} from the store. */
    public static Outcome store(GraphDatabase db, long last) {
        ChainCheck chain = new ChainCheck(Set.of());
        Findings findings = new Findings();
        chain.run(db, last, findings);
        return outcome(chain, findings);
    }

    private static Outcome outcome(ChainCheck chain, Findings findings) {
        return new Outcome(chain.tree.size(), chain.bytes, findings.clean(),
                HexFormat.of().formatHex(chain.tree.root()));
    }
}
