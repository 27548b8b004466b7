package org.batchledger.hub.api.loader;

import graphql.GraphQLContext;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.batchledger.lineage.store.AsOf;

/**
 * The point in the ledger a part of the response is read at. A field read {@code asOf} a tree size puts it in
 * graphql-java's local context, which every field below inherits, so nested children, references and their
 * children are all read as of the same tree size; fields outside such a subtree read the current graph.
 */
public final class AsOfContext {
    private static final String KEY = AsOfContext.class.getName();

    private AsOfContext() {
    }

    /** {@code data}, with every field below it read as of {@code asOf}. */
    public static <T> DataFetcherResult<T> at(T data, AsOf asOf) {
        return DataFetcherResult.<T>newResult().data(data).localContext(GraphQLContext.of(Map.of(KEY, asOf))).build();
    }

    /** The asOf the field being fetched is read at: the one of the nearest ancestor that set it, else current. */
    public static AsOf of(DataFetchingEnvironment env) {
        return env.getLocalContext() instanceof GraphQLContext c && c.get(KEY) instanceof AsOf a ? a : AsOf.CURRENT;
    }

    /** The effective tree size as the API shows it: null for the current graph. */
    public static Integer treeSize(DataFetchingEnvironment env) {
        AsOf asOf = of(env);
        return asOf.isCurrent() ? null : Math.toIntExact(asOf.treeSize());
    }
}
