/**
 * Access to Neo4j through the driver: managed read and write transactions only (never auto-commit writes, but for
 * a migration's batched backfill), each waiting for the client's bookmarks of the current {@link
 * org.batchledger.lineage.store.BookmarkScope}; a round-trip count for N+1 tests; the versioned schema migrations.
 */
package org.batchledger.lineage.store;
