package org.batchledger.lineage.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.neo4j.driver.exceptions.Neo4jException;

/**
 * Neo4j failed itself ({@code Neo.DatabaseError.*}), not the request: most often its disk filled up. Neo4j then
 * fails the commit that could not append to its transaction log ({@code TransactionCommitFailed}: that write did
 * not commit) and "panics": every later transaction, reads too, fails with {@code TransactionStartFailed} ("needs
 * to be restarted") until the database is restarted, even after space is freed. Neo4j Community cannot restart one
 * database (no {@code STOP DATABASE}), so the whole server, for the embedded store the hub, must restart; its
 * recovery at start then keeps what committed and nothing else.
 *
 * @param code    Neo4j's status code
 * @param stopped whether Neo4j has stopped serving until a restart (its panic), not only failed one transaction
 */
public record DatabaseFailure(String code, boolean stopped) {
    /** Below this, a disk is full for Neo4j: a transaction log append or a checkpoint needs more. */
    public static final long FULL_BELOW_BYTES = 4L << 20;

    /** The database failure behind {@code e} (its causes included), if it is one. */
    public static Optional<DatabaseFailure> of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Neo4jException n && n.code() != null && n.code().startsWith("Neo.DatabaseError.")) {
                String message = n.getMessage() == null ? "" : n.getMessage();
                return Optional.of(new DatabaseFailure(n.code(), message.contains("needs to be restarted")));
            }
            for (Throwable s : t.getSuppressed()) {
                Optional<DatabaseFailure> f = of(s);
                if (f.isPresent()) {
                    return f;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * What a caller is told: the cause as far as the hub can see it (the embedded store's free space; for an external
     * server only Neo4j's code), that nothing of the request was written, and what brings it back. Never Neo4j's
     * own text, which names transactions and paths.
     *
     * @param embeddedHome the embedded store's directory, or null for an external server
     */
    public String describe(Path embeddedHome) {
        Long free = freeBytes(embeddedHome);
        String cause = free == null
                ? "Neo4j failed (" + code + "; a full or unwritable disk is the common cause, its log names it)"
                : free < FULL_BELOW_BYTES ? "the embedded Neo4j's disk is full (" + free / 1024 + " KiB free)"
                : "the embedded Neo4j failed on its storage (" + code + "; its disk has " + free / (1024 * 1024)
                        + " MiB free now)";
        return "the graph database cannot serve: " + cause + "; after such a failure Neo4j serves again only once "
                + (embeddedHome == null ? "the Neo4j server" : "the hub") + " is restarted with room on its disk; "
                + "nothing of this request was written";
    }

    /** The free bytes on the embedded store's disk, or null when unknown (external server, unreadable). */
    public static Long freeBytes(Path embeddedHome) {
        if (embeddedHome == null) {
            return null;
        }
        try {
            return Files.getFileStore(embeddedHome).getUsableSpace();
        } catch (IOException e) {
            return null;
        }
    }
}
