package org.batchledger.lineage.ledger.verify;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.batchledger.lineage.ledger.CanonicalEntryDecoder;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.lineage.ledger.tile.EntryBundle;
import org.batchledger.lineage.ledger.tile.TileLog;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.verifier.proof.Sha256;

/**
 * What an attacker with write access to the database does to the tiled ledger: edits entry bytes inside their
 * bundles (leaving the hash tiles as they are), removes or swaps entries, or rewrites the chain, tiles and head
 * consistently after an edit, so that only a signed checkpoint can tell.
 */
public final class Tampering {
    private static final String BUNDLES = "MATCH (b:LedgerBundle) RETURN b.data AS data ORDER BY b.index";
    private static final String REWRITE_BUNDLES = """
            MATCH (b:LedgerBundle) DELETE b
            WITH count(*) AS gone
            UNWIND range(0, size($bundles) - 1) AS i
            CREATE (:LedgerBundle {index: i, width: $widths[i], data: $bundles[i]})""";
    private final GraphDatabase db;

    public Tampering(GraphDatabase db) {
        this.db = db;
    }

    public void run(String cypher) {
        db.write(tx -> tx.run(cypher, Map.of()).consume());
    }

    /** Rewrites entry {@code seq} in its bundle as {@code edit} makes it; its leaf in the tile stays. */
    public void editEntry(long seq, UnaryOperator<LedgerEntry> edit) {
        List<byte[]> entries = entries();
        int i = (int) seq - 1;
        entries.set(i, edit.apply(CanonicalEntryDecoder.decode(entries.get(i), seq)).canonicalBytes());
        writeBundles(entries);
    }

    /** Replaces the text {@code from} by {@code to} inside entry {@code seq}'s bytes, canonical or not. */
    public void editEntryText(long seq, String from, String to) {
        List<byte[]> entries = entries();
        int i = (int) seq - 1;
        entries.set(i, new String(entries.get(i), StandardCharsets.UTF_8).replace(from, to)
                .getBytes(StandardCharsets.UTF_8));
        writeBundles(entries);
    }

    public void deleteEntry(long seq) {
        List<byte[]> entries = entries();
        entries.remove((int) seq - 1);
        writeBundles(entries);
    }

    public void swapEntries(long a, long b) {
        List<byte[]> entries = entries();
        byte[] first = entries.get((int) a - 1);
        entries.set((int) a - 1, entries.get((int) b - 1));
        entries.set((int) b - 1, first);
        writeBundles(entries);
    }

    /** Keeps entries {@code 1..last} only (bundles; tiles and head are left for {@link #rechain}). */
    public void truncateAfter(long last) {
        writeBundles(new ArrayList<>(entries().subList(0, (int) last)));
    }

    /** Recomputes every back link, rebuilds every bundle and hash tile and moves the head to match. */
    public void rechain() {
        String prev = LedgerEntry.GENESIS_HASH;
        List<byte[]> relinked = new ArrayList<>();
        long seq = 0;
        for (byte[] bytes : entries()) {
            LedgerEntry e = CanonicalEntryDecoder.decode(bytes, ++seq);
            byte[] again = new LedgerEntry(e.seq(), e.at(), e.action(), e.entityType(), e.entityKey(),
                    e.contentHash(), e.supersedesHash(), e.actorSubject(), e.actorName(), e.actorRoles(),
                    e.actorClient(), e.reason(), e.commitId(), prev, e.version()).canonicalBytes();
            prev = Sha256.hex(again);
            relinked.add(again);
        }
        String head = prev;
        long size = relinked.size();
        db.write(tx -> {
            tx.run("MATCH (t:LedgerTile) DELETE t", Map.of()).consume();
            tx.run("MATCH (b:LedgerBundle) DELETE b", Map.of()).consume();
            byte[] root = TileLog.append(tx, 0, relinked);
            return tx.run("MATCH (h:LedgerHead) SET h.hash = $hash, h.root = $root, h.seq = $size, h.treeSize = $size",
                    Map.of("hash", head, "root", HexFormat.of().formatHex(root), "size", size)).consume();
        });
    }

    private List<byte[]> entries() {
        List<byte[]> entries = new ArrayList<>();
        db.read(tx -> tx.run(BUNDLES, Map.of()).list(r -> r.get("data").asByteArray()))
                .forEach(data -> entries.addAll(EntryBundle.entries(data)));
        return entries;
    }

    private void writeBundles(List<byte[]> entries) {
        List<byte[]> bundles = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += 256) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            List<byte[]> part = entries.subList(from, Math.min(entries.size(), from + 256));
            part.forEach(e -> {
                out.write(e.length >>> 8);
                out.write(e.length & 0xFF);
                out.writeBytes(e);
            });
            bundles.add(out.toByteArray());
            widths.add(part.size());
        }
        db.write(tx -> tx.run(REWRITE_BUNDLES, Map.of("bundles", bundles, "widths", widths)).consume());
    }
}
