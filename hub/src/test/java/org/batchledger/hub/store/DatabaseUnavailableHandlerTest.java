package org.batchledger.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.GraphQLError;
import graphql.Scalars;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import java.util.Map;
import org.batchledger.hub.HubProperties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.TransientException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Neo4j's own failures and its lasting unavailability are a typed SERVICE_UNAVAILABLE without Neo4j's text. */
@Tag("REQ-RELIABILITY-016")
@Tag("REQ-RELIABILITY-018")
class DatabaseUnavailableHandlerTest {
    private final DatabaseUnavailableHandler external = new DatabaseUnavailableHandler(new DatabaseOutages(
            new HubProperties(null, new HubProperties.Neo4j("bolt://db:7687", null, null, null, null, null), null,
                    null)));

    @Test
    void aDatabaseErrorIsUnavailableNamingTheCodeAndTheRemedy() {
        GraphQLError error = external.graphQl(new DatabaseException(
                "Neo.DatabaseError.Transaction.TransactionLogError", "Could not append transaction #10 to log"), env());
        assertThat(classification(error)).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(error.getMessage()).contains("Neo.DatabaseError.Transaction.TransactionLogError",
                "the Neo4j server is restarted", "nothing of this request was written").doesNotContain("#10");
    }

    @Test
    void aDatabaseStillUnavailableAfterTheRetriesIsUnavailableNotAnInternalError() {
        GraphQLError error = external.graphQl(new TransientException(
                "Neo.TransientError.General.DatabaseUnavailable", "The database is not currently available"), env());
        assertThat(classification(error)).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(error.getMessage()).contains("DatabaseUnavailable", "nothing was written", "retry later");
    }

    @Test
    @Tag("REQ-RELIABILITY-021")
    void atARestEndpointItIs503WithRetryAfterAndAProblemBodyWithoutTheDriversText() {
        ResponseEntity<ProblemDetail> r = external.rest(new IllegalStateException("reading a tile", new
                ServiceUnavailableException("Unable to connect to db:7687, ensure the database is running")));

        assertThat(r.getStatusCode().value()).isEqualTo(503);
        assertThat(r.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(r.getBody().getDetail()).contains("not reachable now", "nothing was written")
                .doesNotContain("db:7687");
    }

    @SuppressWarnings("unchecked")
    private static Object classification(GraphQLError error) {
        return ((Map<String, Object>) error.toSpecification().get("extensions")).get("classification");
    }

    private static DataFetchingEnvironment env() {
        return DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
                .executionStepInfo(ExecutionStepInfo.newExecutionStepInfo().type(Scalars.GraphQLString)
                        .path(ResultPath.rootPath().segment("correct")).build())
                .mergedField(MergedField.newMergedField(Field.newField("correct").build()).build())
                .build();
    }
}
