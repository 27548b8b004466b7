/**
 * Access to Neo4j through the driver: managed read and write transactions only (never auto-commit writes, but for
 * a migration's batched backfill), each waiting for the client's bookmarks of the current {@link
 * org.batchledger.lineage.store.BookmarkScope}; a round-trip count for N+1 tests; the versioned schema migrations.
 * Also the read primitives every feature shares: {@link org.batchledger.lineage.store.AsOf} (which version of
 * a record a read sees), {@link org.batchledger.lineage.store.Visibility} (the one rule that hides a large file's
 * staged records until the ledger head covers them) and keyset pages ({@link org.batchledger.lineage.store.PageRequest}, {@link
 * org.batchledger.lineage.store.Page}).
 */
package org.batchledger.lineage.store;
