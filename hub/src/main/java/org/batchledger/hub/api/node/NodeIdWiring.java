package org.batchledger.hub.api.node;

import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeName;
import graphql.schema.DataFetcher;
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
                && env.getParentType() instanceof ObjectTypeDefinition type
                && type.getImplements().stream().anyMatch(t -> t instanceof TypeName n && n.getName().equals("Node"));
    }

    @Override
    public DataFetcher<?> getDataFetcher(FieldWiringEnvironment env) {
        return GLOBAL_ID;
    }
}
