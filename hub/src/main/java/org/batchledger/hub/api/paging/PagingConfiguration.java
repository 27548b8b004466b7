package org.batchledger.hub.api.paging;

import java.util.List;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.pagination.ConnectionFieldTypeVisitor;

/** Turns every {@code XConnection} field's {@code Page} into a Relay connection. */
@Configuration(proxyBeanMethods = false)
class PagingConfiguration {
    @Bean
    GraphQlSourceBuilderCustomizer pageConnections() {
        return builder -> builder.typeVisitors(List.of(ConnectionFieldTypeVisitor.create(List.of(new PageConnectionAdapter()))));
    }
}
