package org.batchledger.lineage.store;

import java.util.List;

/**
 * A data conversion that cannot be a Cypher script (it needs Java, e.g. to re-encode and hash), run by
 * {@link Migrations} after the script it follows. Implementations live with the data they convert and are found
 * with {@link java.util.ServiceLoader} ({@code META-INF/services}), so the store knows no feature. Each must be
 * resumable: a run that died part-way is finished by the next start.
 */
public interface DataMigration {
    /** The script (e.g. {@code V005__ledger_tiles.cypher}) whose schema this conversion needs. */
    String after();

    /**
     * Converts what is left to convert, {@code batchSize} items per transaction, and returns the batched cleanup
     * statements ({@code CALL {...} IN TRANSACTIONS OF $batchSize ROWS}) that {@link Migrations} runs after it; an
     * empty list when nothing was left.
     */
    List<String> convert(GraphDatabase db, int batchSize);

    /** Schema changes to make once the cleanup is done (each in its own transaction). */
    List<String> afterCleanup();
}
