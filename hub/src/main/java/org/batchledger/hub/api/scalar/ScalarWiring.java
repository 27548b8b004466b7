package org.batchledger.hub.api.scalar;

import graphql.schema.idl.RuntimeWiring;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/** Registers the API's scalars with Spring for GraphQL. */
@Component
class ScalarWiring implements RuntimeWiringConfigurer {
    @Override
    public void configure(RuntimeWiring.Builder builder) {
        builder.scalar(DateTimeScalar.INSTANCE);
    }
}
