package org.batchledger.hub.api;

import java.util.List;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.pagination.ConnectionFieldTypeVisitor;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Registers the API's scalar, directive, ID wiring, connection adapter and document cache with Spring for GraphQL. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    @Bean
    RuntimeWiringConfigurer hubWiring() {
        return new RuntimeWiringConfigurer() {
            @Override
            public void configure(graphql.schema.idl.RuntimeWiring.Builder builder) {
                builder.scalar(DateTimeScalar.INSTANCE).directive(RolesDirective.NAME, new RolesDirective());
            }

            @Override
            public void configure(graphql.schema.idl.RuntimeWiring.Builder builder,
                                  List<graphql.schema.idl.WiringFactory> container) {
                container.add(new NodeIdWiring());
            }
        };
    }

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocumentCache() {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(new ParsedDocumentCache(1_000)));
    }

    @Bean
    GraphQlSourceBuilderCustomizer pageConnections() {
        return builder -> builder.typeVisitors(List.of(ConnectionFieldTypeVisitor.create(List.of(new PageConnectionAdapter()))));
    }
}
