package org.batchledger.lineage.ledger.verify;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.batchledger.lineage.ledger.checkpoint.CheckpointLog;
import org.batchledger.verifier.proof.Checked;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.lineage.store.GraphDatabase;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.Neo4jException;

/**
 * Verifies a hub's ledger from the command line, against its Neo4j (read access suffices):
 * <pre>
 * VerifyLedgerCommand --uri neo4j://127.0.0.1:7687 --vkey NAME+KEYID+KEY [--user U --password P]
 *                     [--database neo4j] [--checkpoint NOTE_FILE] [--data-dir DIR | --kept-log FILE]
 * </pre>
 * {@code --vkey} is the {@code publicKey} of {@code ledgerCheckpoint}; {@code --checkpoint} a note kept from
 * earlier; {@code --data-dir} the hub's data directory, whose {@code keys/checkpoints.log} (or the file given by
 * {@code --kept-log}) holds every checkpoint the hub signed: the ledger and the stored checkpoints are checked
 * against it. Progress goes to the log; the report to standard output, errors to standard error. Exit status 0 when
 * the ledger verifies, 1 when it does not (the report names the first bad entry and every problem), 2 on a usage
 * error (unknown or missing option, malformed key, unreadable note), 3 when the database cannot be read.
 */
public final class VerifyLedgerCommand {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int UNREADABLE = 3;
    static final String USAGE_TEXT = "usage: VerifyLedgerCommand --uri URI --vkey KEY [--user U --password P] "
            + "[--database DB] [--checkpoint NOTE_FILE] [--data-dir DIR | --kept-log FILE]";
    private static final Set<String> OPTIONS = Set.of("--uri", "--vkey", "--user", "--password", "--database",
            "--checkpoint", "--data-dir", "--kept-log");

    private VerifyLedgerCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The exit status for {@code args}; the report goes to {@code out}, errors to {@code err}. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options;
        NoteVerifier hubKey;
        String note;
        CheckpointLog kept;
        try {
            options = options(args);
            hubKey = hubKey(options.get("--vkey"));
            note = note(options.get("--checkpoint"));
            kept = keptLog(options);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        return verify(options, hubKey, note, kept, out, err);
    }

    private static int verify(Map<String, String> options, NoteVerifier hubKey, String note, CheckpointLog kept,
                              PrintStream out, PrintStream err) {
        String uri = options.get("--uri");
        AuthToken auth = options.containsKey("--user")
                ? AuthTokens.basic(options.get("--user"), options.getOrDefault("--password", ""))
                : AuthTokens.none();
        Driver driver;
        try {
            driver = org.neo4j.driver.GraphDatabase.driver(uri, auth);
        } catch (IllegalArgumentException e) {
            err.println("error: --uri " + uri + " is not a Neo4j URI (" + e.getMessage() + ")");
            err.println(USAGE_TEXT);
            return USAGE;
        }
        try (driver) {
            driver.verifyConnectivity();
            GraphDatabase db = new GraphDatabase(driver, options.getOrDefault("--database", "neo4j"));
            LedgerReport report = new LedgerVerifier(db, hubKey, kept).verify(note);
            LedgerReportText.print(report, out);
            return report.ok() ? OK : FAILED;
        } catch (Neo4jException e) {
            err.println("error: cannot read the ledger from " + uri + ": " + e.getMessage());
            return UNREADABLE;
        }
    }

    private static Map<String, String> options(String[] args) throws UsageException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i])) {
                throw new UsageException("unknown option " + args[i]);
            }
            if (i + 1 >= args.length) {
                throw new UsageException(args[i] + " needs a value");
            }
            if (options.put(args[i], args[i + 1]) != null) {
                throw new UsageException(args[i] + " is given twice");
            }
        }
        for (String required : new String[] {"--uri", "--vkey"}) {
            if (!options.containsKey(required)) {
                throw new UsageException(required + " is required");
            }
        }
        return options;
    }

    private static NoteVerifier hubKey(String vkey) throws UsageException {
        Checked<NoteVerifier> key = NoteVerifier.parse(vkey);
        if (!key.ok()) {
            throw new UsageException("--vkey: " + key.reason());
        }
        return key.value();
    }

    private static CheckpointLog keptLog(Map<String, String> options) throws UsageException {
        if (options.containsKey("--data-dir") && options.containsKey("--kept-log")) {
            throw new UsageException("give --data-dir or --kept-log, not both");
        }
        Path file = options.containsKey("--kept-log") ? Path.of(options.get("--kept-log"))
                : options.containsKey("--data-dir")
                ? Path.of(options.get("--data-dir"), "keys", CheckpointLog.FILE_NAME) : null;
        if (file != null && !Files.isRegularFile(file)) {
            throw new UsageException("no checkpoint log at " + file);
        }
        return file == null ? null : new CheckpointLog(file);
    }

    private static String note(String file) throws UsageException {
        try {
            return file == null ? null : Files.readString(Path.of(file));
        } catch (IOException | RuntimeException e) {
            throw new UsageException("--checkpoint: cannot read the note " + file + " (" + e + ")");
        }
    }

    private static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
