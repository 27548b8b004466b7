package org.batchledger.hub.api;

import graphql.schema.DataFetcher;
import graphql.schema.GraphQLObjectType;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.WiringFactory;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;

/** Every {@code Node}'s {@code id} is its record's {@code Label:key}; computed, never stored. */
final class NodeIdWiring implements WiringFactory {
    private static final DataFetcher<String> GLOBAL_ID = e -> RecordRef.of((LedgerRecord) e.getSource()).toString();

    @Override
    public boolean providesDataFetcher(FieldWiringEnvironment env) {
        return env.getFieldDefinition().getName().equals("id")
                && env.getParentType() instanceof GraphQLObjectType
                && ((GraphQLObjectType) env.getParentType()).getInterfaces().stream().anyMatch(i -> i.getName().equals("Node"));
    }

    @Override
    public DataFetcher<?> getDataFetcher(FieldWiringEnvironment env) {
        return GLOBAL_ID;
    }
}
