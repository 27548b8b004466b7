package org.batchledger.hub.api.guardrail;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLType;

/**
 * A field costs 1 plus its selection, times how many items it can return: {@code first} (or its default) for
 * connections, {@value #PLAIN_LIST} for plain lists; a connection's {@code edges} are already counted by its
 * {@code first}. Introspection counts 1 per field, so tools can always read the schema.
 */
final class QueryCost implements FieldComplexityCalculator {
    static final int PLAIN_LIST = 10;

    @Override
    public int calculate(FieldComplexityEnvironment env, int childComplexity) {
        long cost = (1L + childComplexity) * multiplier(env);
        return (int) Math.min(Integer.MAX_VALUE / 2, cost);
    }

    private static int multiplier(FieldComplexityEnvironment env) {
        String name = env.getFieldDefinition().getName();
        if (name.startsWith("__") || env.getParentType().getName().startsWith("__")) {
            return 1;
        }
        if (env.getArguments().get("first") instanceof Integer first) {
            return Math.max(1, first);
        }
        return isList(env.getFieldDefinition().getType()) && !name.equals("edges") ? PLAIN_LIST : 1;
    }

    private static boolean isList(GraphQLType type) {
        GraphQLType t = type instanceof GraphQLNonNull n ? n.getWrappedType() : type;
        return t instanceof GraphQLList;
    }
}
