package org.batchledger.hub.security;

import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.EnumValue;
import graphql.language.FieldDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The SDL as the hub loads it, read apart from the hub: which fields carry {@code @roles}, and which object types a
 * field's answer can reach through nested fields, interfaces ({@code node}'s Node: every implementation) and
 * connections (Spring generates {@code XConnection}'s edges and nodes of X).
 */
final class SchemaReach {
    private final TypeDefinitionRegistry registry;

    private SchemaReach(TypeDefinitionRegistry registry) {
        this.registry = registry;
    }

    static SchemaReach load() {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/**/*.graphqls")) {
                registry.merge(new SchemaParser().parse(r.getContentAsString(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SchemaReach(registry);
    }

    /** A field as {@code Type.field}, with its definition. */
    record Field(String type, FieldDefinition definition) {
        String coordinates() {
            return type + "." + definition.getName();
        }

        /** The realm roles of its {@code @roles}, empty when it has none. */
        Set<String> roles() {
            return definition.getDirectives("roles").stream().findFirst().map(SchemaReach::realmRoles)
                    .orElse(Set.of());
        }
    }

    /** Every field of every object type (extensions included), Query and Mutation first. */
    Stream<Field> fields() {
        Stream<String> names = Stream.concat(Stream.of("Query", "Mutation"), registry.types().values().stream()
                .filter(t -> t instanceof ObjectTypeDefinition).map(TypeDefinition::getName)
                .filter(n -> !n.equals("Query") && !n.equals("Mutation")).sorted());
        return names.flatMap(n -> objectFields(n).map(f -> new Field(n, f)));
    }

    Stream<Field> operations() {
        return fields().filter(f -> f.type().equals("Query") || f.type().equals("Mutation"));
    }

    Optional<Field> field(String coordinates) {
        return fields().filter(f -> f.coordinates().equals(coordinates)).findFirst();
    }

    boolean isMutation(Field f) {
        return f.type().equals("Mutation");
    }

    /**
     * Every object type the field's answer can hold, each with one path of fields that reaches it (for the message
     * that names the side door), the field's own type first.
     */
    Map<String, String> reachableTypes(Field start) {
        Map<String, String> pathTo = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        visit(innerName(start.definition().getType()), start.coordinates(), pathTo, queue);
        while (!queue.isEmpty()) {
            String type = queue.poll();
            objectFields(type).forEach(f -> visit(innerName(f.getType()), pathTo.get(type) + "." + f.getName(),
                    pathTo, queue));
        }
        return pathTo;
    }

    private void visit(String type, String path, Map<String, String> pathTo, Deque<String> queue) {
        Optional<TypeDefinition> def = registry.getType(type);
        if (def.isEmpty() && type.endsWith("Connection")) {
            visit(type.substring(0, type.length() - "Connection".length()), path + ".edges.node", pathTo, queue);
            return;
        }
        if (def.isEmpty() || pathTo.containsKey(type)) {
            return;
        }
        switch (def.get()) {
            case ObjectTypeDefinition o -> {
                pathTo.put(type, path);
                queue.add(type);
            }
            case InterfaceTypeDefinition i -> registry.getImplementationsOf(i).forEach(o ->
                    visit(o.getName(), path + "(... on " + o.getName() + ")", pathTo, queue));
            case UnionTypeDefinition u -> u.getMemberTypes().forEach(m ->
                    visit(innerName(m), path + "(... on " + innerName(m) + ")", pathTo, queue));
            default -> {
            }
        }
    }

    private Stream<FieldDefinition> objectFields(String type) {
        return Stream.concat(registry.getType(type, ObjectTypeDefinition.class).stream(),
                        registry.objectTypeExtensions().getOrDefault(type, List.of()).stream())
                .map(ObjectTypeDefinition::getFieldDefinitions).flatMap(List::stream);
    }

    static String innerName(Type<?> type) {
        return switch (type) {
            case NonNullType n -> innerName(n.getType());
            case ListType l -> innerName(l.getType());
            case TypeName t -> t.getName();
            default -> throw new IllegalStateException(type.toString());
        };
    }

    private static Set<String> realmRoles(Directive roles) {
        return ((ArrayValue) roles.getArgument("any").getValue()).getValues().stream()
                .map(v -> ((EnumValue) v).getName().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.toSet());
    }
}
