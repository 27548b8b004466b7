package org.batchledger.hub.api.guardrail;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.ExecutionResult;
import java.util.HashMap;
import java.util.Map;

/**
 * Refuses an operation whose {@link QueryCost} exceeds the limit, or that selects more fields than
 * {@code maxFields} (aliases multiply work that arguments do not show: 300 aliases of one node are 300 reads).
 * graphql-java's own complexity instrumentation sums costs as {@code int}; this one sums as saturating
 * {@code long}, so decoy fields with a huge {@code first} cannot wrap the total negative.
 */
final class QueryCostLimit extends SimplePerformantInstrumentation {
    private static final Object ROOT = new Object();
    private final long maxCost;
    private final int maxFields;

    QueryCostLimit(long maxCost, int maxFields) {
        this.maxCost = maxCost;
        this.maxFields = maxFields;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext ctx = parameters.getExecutionContext();
        QueryTraverser traverser = QueryTraverser.newQueryTraverser()
                .schema(ctx.getGraphQLSchema())
                .document(ctx.getDocument())
                .operationName(ctx.getOperationDefinition().getName())
                .coercedVariables(ctx.getCoercedVariables())
                .build();
        Map<Object, Long> childCost = new HashMap<>();
        int[] fields = {0};
        traverser.visitPostOrder(new QueryVisitorStub() {
            @Override
            public void visitField(QueryVisitorFieldEnvironment env) {
                if (env.isTypeNameIntrospectionField()) {
                    return;
                }
                fields[0]++;
                long cost = QueryCost.of(env, childCost.getOrDefault(env, 0L));
                Object parent = env.getParentEnvironment() == null ? ROOT : env.getParentEnvironment();
                childCost.merge(parent, cost, QueryCost::saturatingAdd);
            }
        });
        if (fields[0] > maxFields) {
            throw new AbortExecutionException("query selects " + fields[0] + " fields, above the limit maxFields = "
                    + maxFields + " (aliases count once each)");
        }
        long total = childCost.getOrDefault(ROOT, 0L);
        if (total > maxCost) {
            throw new AbortExecutionException("query cost " + (total == Long.MAX_VALUE ? "overflows" : total)
                    + " and exceeds the limit maxCost = " + maxCost
                    + " (a list field costs its selection times its 'first'; verifyLedger, trace, recallImpact and"
                    + " commonUpstream have fixed costs)");
        }
        return SimpleInstrumentationContext.noOp();
    }
}
