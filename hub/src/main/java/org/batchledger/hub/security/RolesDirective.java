package org.batchledger.hub.security;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.idl.SchemaDirectiveWiring;
import graphql.schema.idl.SchemaDirectiveWiringEnvironment;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Enforces {@code @roles(any: [...])}: the field's data fetcher runs only for a caller holding one of the roles,
 * else a FORBIDDEN error. The schema is thus the one place that states who reaches what.
 */
final class RolesDirective implements SchemaDirectiveWiring {
    static final String NAME = "roles";

    @Override
    public GraphQLFieldDefinition onField(SchemaDirectiveWiringEnvironment<GraphQLFieldDefinition> env) {
        GraphQLFieldDefinition field = env.getElement();
        GraphQLAppliedDirective directive = field.getAppliedDirective(NAME);
        if (directive == null) {
            return field;
        }
        Set<String> allowed = realmRoles(directive.getArgument("any").getValue());
        FieldCoordinates coordinates = FieldCoordinates.coordinates(env.getFieldsContainer(), field);
        DataFetcher<?> original = env.getCodeRegistry().getDataFetcher(coordinates, field);
        env.getCodeRegistry().dataFetcher(coordinates, (DataFetcher<Object>) e -> {
            requireOneOf(allowed, coordinates);
            return original.get(e);
        });
        return field;
    }

    /** {@code QA_REVIEWER} in the schema is the realm role {@code qa-reviewer}. */
    static String realmRole(String schemaRole) {
        return schemaRole.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Set<String> realmRoles(Object value) {
        return ((List<?>) value).stream()
                .map(v -> v instanceof GraphQLEnumValueDefinition d ? d.getName() : String.valueOf(v))
                .map(RolesDirective::realmRole).collect(Collectors.toSet());
    }

    private static void requireOneOf(Set<String> allowed, FieldCoordinates field) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean granted = auth != null && auth.isAuthenticated() && auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(a -> a.startsWith("ROLE_") && allowed.contains(a.substring(5)));
        if (!granted) {
            throw new AccessDeniedException(field.getFieldName() + " needs one of the roles " + allowed);
        }
    }
}
