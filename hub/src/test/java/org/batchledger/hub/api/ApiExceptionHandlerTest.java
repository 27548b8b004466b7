package org.batchledger.hub.api;

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
import org.batchledger.lineage.write.CorrectionRefusedException;
import org.batchledger.lineage.write.CorrectionRules;
import org.batchledger.lineage.write.IdempotencyConflictException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The one exception handler's mapping of the write path's typed refusals. The API makes a fresh idempotency key
 * per mutation, so a conflict cannot be provoked over HTTP today; ingest and clients that send their own keys will.
 */
@Tag("REQ-API-005")
@Tag("REQ-LEDGER-017")
@Tag("REQ-LEDGER-016")
class ApiExceptionHandlerTest {
    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void aReusedIdempotencyKeyIsAConflictNamingTheKey() {
        GraphQLError error = handler.idempotencyConflict(new IdempotencyConflictException("load#7"), env());

        Map<String, Object> spec = error.toSpecification();
        @SuppressWarnings("unchecked")
        Map<String, Object> extensions = (Map<String, Object>) spec.get("extensions");
        assertThat(extensions).containsEntry("classification", "CONFLICT").containsEntry("idempotencyKey", "load#7");
        assertThat(error.getMessage()).contains("'load#7'").contains("nothing was written");
    }

    @Test
    void aRefusedCorrectionKeepsItsClassificationBesideRecordFieldAndRule() {
        GraphQLError error = handler.correctionRefused(new CorrectionRefusedException("Batch:p:B-1", "status",
                CorrectionRules.BATCH_STATUS, false), env());

        @SuppressWarnings("unchecked")
        Map<String, Object> extensions = (Map<String, Object>) error.toSpecification().get("extensions");
        assertThat(extensions).containsEntry("classification", "BAD_REQUEST").containsEntry("record", "Batch:p:B-1")
                .containsEntry("field", "status").containsEntry("rule", "CORR-STATUS")
                .containsEntry("ruleText", "batch status changes only through the disposition workflow");
    }

    private static DataFetchingEnvironment env() {
        return DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
                .executionStepInfo(ExecutionStepInfo.newExecutionStepInfo().type(Scalars.GraphQLString)
                        .path(ResultPath.rootPath().segment("correct")).build())
                .mergedField(MergedField.newMergedField(Field.newField("correct").build()).build())
                .build();
    }
}
