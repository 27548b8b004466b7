package org.batchledger.hub.api.node;

import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.WiringFactory;
import java.util.List;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/** Registers the global-ID wiring of every {@code Node} type with Spring for GraphQL. */
@Component
class NodeWiring implements RuntimeWiringConfigurer {
    @Override
    public void configure(RuntimeWiring.Builder builder) {
        // nothing by type name: the wiring factory below covers every Node type
    }

    @Override
    public void configure(RuntimeWiring.Builder builder, List<WiringFactory> container) {
        container.add(new NodeIdWiring());
    }
}
