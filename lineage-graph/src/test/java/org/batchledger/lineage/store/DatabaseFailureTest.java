package org.batchledger.lineage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.DatabaseException;

@Tag("REQ-RELIABILITY-016")
class DatabaseFailureTest {
    private static final String STOPPED = "The database has encountered a critical error, and needs to be restarted."
            + " Please see database logs for more details.";

    @Test
    void aDatabaseErrorIsAFailureAndNeo4jsPanicIsStopped() {
        assertThat(DatabaseFailure.of(new DatabaseException("Neo.DatabaseError.Transaction.TransactionStartFailed",
                STOPPED))).contains(new DatabaseFailure("Neo.DatabaseError.Transaction.TransactionStartFailed", true));
        assertThat(DatabaseFailure.of(new IllegalStateException("wrapped", new DatabaseException(
                "Neo.DatabaseError.Transaction.TransactionLogError", "Could not append transaction #10 to log"))))
                .contains(new DatabaseFailure("Neo.DatabaseError.Transaction.TransactionLogError", false));
    }

    @Test
    void aFailureSuppressedBehindAnotherIsFound() {
        RuntimeException close = new RuntimeException("closing failed");
        close.addSuppressed(new DatabaseException("Neo.DatabaseError.General.UnknownError", STOPPED));
        assertThat(DatabaseFailure.of(close)).map(DatabaseFailure::stopped).contains(true);
    }

    @Test
    void theRequestsOwnErrorsAreNoDatabaseFailure() {
        assertThat(DatabaseFailure.of(new ClientException("Neo.ClientError.Statement.SyntaxError", "bad"))).isEmpty();
        assertThat(DatabaseFailure.of(new IllegalArgumentException("no"))).isEmpty();
    }

    @Test
    void theMessageNamesTheCauseAndTheRemedyButNoNeo4jText(@TempDir Path home) {
        DatabaseFailure f = new DatabaseFailure("Neo.DatabaseError.Transaction.TransactionLogError", false);
        String external = f.describe(null);
        assertThat(external).contains("Neo.DatabaseError.Transaction.TransactionLogError", "full or unwritable disk",
                "the Neo4j server is restarted", "nothing of this request was written");
        String embedded = f.describe(home);
        // the temporary directory's disk has room: the message says how much, and that the hub needs a restart
        assertThat(embedded).contains("MiB free now", "the hub is restarted").doesNotContain(home.toString());
    }
}
