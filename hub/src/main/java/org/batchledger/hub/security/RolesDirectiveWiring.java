package org.batchledger.hub.security;

import graphql.schema.idl.RuntimeWiring;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/** Registers the {@code @roles} directive, so every Query and Mutation field enforces the roles its SDL names. */
@Component
class RolesDirectiveWiring implements RuntimeWiringConfigurer {
    @Override
    public void configure(RuntimeWiring.Builder builder) {
        builder.directive(RolesDirective.NAME, new RolesDirective());
    }
}
