package org.batchledger.lineage.ledger.tile;

/** A hash tile or entry bundle as stored: {@code width} hashes (32 bytes each) or entries in {@code bytes}. */
public record StoredTile(int level, long index, int width, byte[] bytes) {
}
