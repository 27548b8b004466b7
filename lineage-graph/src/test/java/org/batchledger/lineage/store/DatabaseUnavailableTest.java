package org.batchledger.lineage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.TransientException;

@Tag("REQ-RELIABILITY-021")
class DatabaseUnavailableTest {

    @Test
    void anUnreachableServerIsAnOutageToRetrySoonAndItsAddressStaysInTheLog() {
        var e = new IllegalStateException("wrapped", new ServiceUnavailableException(
                "Unable to connect to 127.0.0.1:7687, ensure the database is running"));

        DatabaseUnavailable u = DatabaseUnavailable.of(e, null).orElseThrow();

        assertThat(u.failed()).isFalse();
        assertThat(u.retryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(u.message()).contains("not reachable now", "nothing was written").doesNotContain("127.0.0.1");
        assertThat(u.logLine()).contains("127.0.0.1:7687");
    }

    @Test
    void aStoppedDatabaseIsAFailureToRetryAfterARestart() {
        DatabaseUnavailable u = DatabaseUnavailable.of(new DatabaseException(
                "Neo.DatabaseError.Transaction.TransactionStartFailed", "needs to be restarted"), null).orElseThrow();

        assertThat(u.failed()).isTrue();
        assertThat(u.retryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(u.logLine()).startsWith("Neo4j failed (Neo.DatabaseError.Transaction.TransactionStartFailed, stopped");
    }

    @Test
    void transientAfterTheRetriesNamesTheCodeOnly() {
        DatabaseUnavailable u = DatabaseUnavailable.of(new TransientException(
                "Neo.TransientError.Database.DatabaseUnavailable", "Database 'neo4j' is unavailable at /data/x"), null)
                .orElseThrow();

        assertThat(u.message()).contains("Neo.TransientError.Database.DatabaseUnavailable").doesNotContain("/data/x");
    }

    @Test
    void theRequestsOwnErrorsAreNoOutage() {
        assertThat(DatabaseUnavailable.of(new ClientException("Neo.ClientError.Statement.SyntaxError", "bad"), null))
                .isEmpty();
        assertThat(DatabaseUnavailable.of(new IllegalArgumentException("no"), null)).isEmpty();
    }
}
