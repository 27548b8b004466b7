package org.batchledger.lineage.ledger.verify;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.batchledger.lineage.ledger.proof.NoteVerifier;
import org.batchledger.lineage.store.GraphDatabase;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;

/**
 * Verifies a hub's ledger from the command line, against its Neo4j (read access suffices):
 * <pre>
 * VerifyLedgerCommand --uri neo4j://127.0.0.1:7687 --vkey NAME+KEYID+KEY [--user U --password P]
 *                     [--database neo4j] [--checkpoint NOTE_FILE]
 * </pre>
 * {@code --vkey} is the {@code publicKey} of {@code ledgerCheckpoint}; {@code --checkpoint} a note kept from
 * earlier. Progress goes to the log; the report to standard output. Exit status 0 ok, 1 failed, 2 usage.
 */
public final class VerifyLedgerCommand {
    private VerifyLedgerCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        if (!options.containsKey("--uri") || !options.containsKey("--vkey") || args.length % 2 != 0) {
            out.println("usage: VerifyLedgerCommand --uri URI --vkey KEY [--user U --password P] [--database DB] "
                    + "[--checkpoint NOTE_FILE]");
            return 2;
        }
        AuthToken auth = options.containsKey("--user")
                ? AuthTokens.basic(options.get("--user"), options.getOrDefault("--password", ""))
                : AuthTokens.none();
        try (Driver driver = org.neo4j.driver.GraphDatabase.driver(options.get("--uri"), auth)) {
            GraphDatabase db = new GraphDatabase(driver, options.getOrDefault("--database", "neo4j"));
            LedgerReport report = new LedgerVerifier(db, NoteVerifier.of(options.get("--vkey")))
                    .verify(note(options.get("--checkpoint")));
            out.println(report);
            return report.ok() ? 0 : 1;
        }
    }

    private static String note(String file) {
        try {
            return file == null ? null : Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the checkpoint note " + file, e);
        }
    }
}
