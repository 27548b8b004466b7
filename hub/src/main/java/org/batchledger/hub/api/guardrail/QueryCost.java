package org.batchledger.hub.api.guardrail;

import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLType;
import java.util.Map;

/**
 * A field costs 1 plus its selection, times how many items it can return: {@code first} (or its default) for
 * connections, {@value #PLAIN_LIST} for plain lists; a connection's {@code edges} are already counted by its
 * {@code first}. Fields whose work does not show in their arguments (a full ledger verification, a trace that may
 * reach 100,000 nodes) carry a fixed cost instead. Introspection counts 1 per field, so tools can always read the
 * schema. All arithmetic saturates at {@link Long#MAX_VALUE}: no sum of decoys can wrap around below the limit.
 */
final class QueryCost {
    static final int PLAIN_LIST = 10;
    /** Fixed costs: verifyLedger half the limit (one per request); the traversals a fifth each. */
    static final Map<String, Long> FIXED = Map.of(
            "verifyLedger", QueryGuardrails.MAX_COST / 2L,
            "trace", QueryGuardrails.MAX_COST / 5L,
            "recallImpact", QueryGuardrails.MAX_COST / 5L,
            "commonUpstream", QueryGuardrails.MAX_COST / 5L);

    private QueryCost() {
    }

    /** The cost of one field given the summed cost of its selection. */
    static long of(QueryVisitorFieldEnvironment env, long childCost) {
        String name = env.getFieldDefinition().getName();
        if (env.getParentEnvironment() == null && FIXED.containsKey(name)) {
            return saturatingAdd(FIXED.get(name), childCost);
        }
        return saturatingMultiply(saturatingAdd(1, childCost), multiplier(env));
    }

    private static long multiplier(QueryVisitorFieldEnvironment env) {
        String name = env.getFieldDefinition().getName();
        if (name.startsWith("__") || env.getParentType() instanceof graphql.schema.GraphQLNamedType t
                && t.getName().startsWith("__")) {
            return 1;
        }
        Object first = env.getArguments().get("first");
        if (first instanceof Number n) {
            return Math.max(1, n.longValue());
        }
        return isList(env.getFieldDefinition().getType()) && !name.equals("edges") ? PLAIN_LIST : 1;
    }

    static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    static long saturatingMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }

    private static boolean isList(GraphQLType type) {
        GraphQLType t = type instanceof GraphQLNonNull n ? n.getWrappedType() : type;
        return t instanceof GraphQLList;
    }
}
