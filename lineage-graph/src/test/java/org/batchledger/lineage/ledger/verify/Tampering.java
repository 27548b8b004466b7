package org.batchledger.lineage.ledger.verify;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.lineage.ledger.StoredEntries;
import org.batchledger.lineage.ledger.proof.Frontier;
import org.batchledger.lineage.ledger.proof.MerkleHash;
import org.batchledger.lineage.ledger.proof.MerkleNode;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.schema.json.Sha256;

/**
 * What an attacker with write access to the database does, in raw Cypher: the tamper tests use it to rewrite the
 * chain, tree and head consistently after an edit, so that only a signed checkpoint can tell.
 */
public final class Tampering {
    private final GraphDatabase db;

    public Tampering(GraphDatabase db) {
        this.db = db;
    }

    public void run(String cypher) {
        db.write(tx -> tx.run(cypher, Map.of()).consume());
    }

    /** Recomputes every entry hash and back link, rebuilds every Merkle node and moves the head to match. */
    public void rechain() {
        List<Map<String, Object>> entries = db.read(tx -> tx.run("MATCH (e:LedgerEntry) RETURN e ORDER BY e.seq",
                Map.of()).list(r -> r.get("e").asMap()));
        String prev = LedgerEntry.GENESIS_HASH;
        List<Map<String, Object>> hashes = new ArrayList<>();
        List<byte[]> leaves = new ArrayList<>();
        for (Map<String, Object> stored : entries) {
            LedgerEntry e = StoredEntries.entry(stored);
            LedgerEntry relinked = new LedgerEntry(e.seq(), e.at(), e.action(), e.entityType(), e.entityKey(),
                    e.contentHash(), e.supersedesHash(), e.actorSubject(), e.actorName(), e.actorRoles(),
                    e.actorClient(), e.reason(), e.commitId(), prev, e.version());
            byte[] bytes = relinked.canonicalBytes();
            prev = Sha256.hex(bytes);
            leaves.add(MerkleHash.leaf(bytes));
            hashes.add(Map.of("seq", e.seq(), "prevHash", relinked.prevHash(), "entryHash", prev));
        }
        Frontier.Appended tree = Frontier.empty().appendAll(leaves);
        List<Map<String, Object>> nodes = tree.completed().stream().map(Tampering::row).toList();
        String head = prev;
        db.write(tx -> {
            tx.run("UNWIND $rows AS r MATCH (e:LedgerEntry {seq: r.seq}) SET e.prevHash = r.prevHash, "
                    + "e.entryHash = r.entryHash", Map.of("rows", hashes)).consume();
            tx.run("MATCH (m:MerkleNode) DETACH DELETE m", Map.of()).consume();
            tx.run("UNWIND $nodes AS n CREATE (:MerkleNode {level: n.level, index: n.index, hash: n.hash})",
                    Map.of("nodes", nodes)).consume();
            return tx.run("MATCH (h:LedgerHead) SET h.hash = $hash, h.root = $root, h.seq = $size, h.treeSize = $size",
                    Map.of("hash", head, "root", HexFormat.of().formatHex(tree.root()), "size", tree.size())).consume();
        });
    }

    private static Map<String, Object> row(MerkleNode n) {
        return Map.of("level", n.id().level(), "index", n.id().index(), "hash", HexFormat.of().formatHex(n.hash()));
    }
}
