package org.batchledger.validation.impact;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeName;
import graphql.schema.GraphQLSchema;
import graphql.schema.diff.DiffEvent;
import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.SchemaDiffSet;
import graphql.schema.diff.reporting.DifferenceReporter;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeUtil;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.schema.idl.errors.SchemaProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The GraphQL schema diff of two versions with graphql-java's {@link SchemaDiff}. The SDL declares connection types
 * by name only (Spring for GraphQL generates {@code XConnection}, {@code XEdge} and {@code PageInfo} at start), so the
 * same standard shapes are added here to both sides before diffing.
 */
final class SchemaChanges {
    static final String SDL_DIR = "schema/src/main/resources/graphql";

    /** One difference: its level (BREAKING, DANGEROUS, INFO), category, where and why, and the SDL file it is in. */
    record Change(String level, String category, String type, String field, String reason, String file) {
        String where() {
            return field == null ? type : type + "." + field;
        }
    }

    private SchemaChanges() {
    }

    /** {@code files} maps SDL path to its text, per version. */
    static List<Change> diff(Map<String, String> before, Map<String, String> after) {
        if (before.equals(after)) {
            return List.of();
        }
        Map<String, String> fileOfType = new TreeMap<>();
        Stream.of(before, after).forEach(v -> v.forEach((path, sdl) -> typeNames(path, sdl)
                .forEach(t -> fileOfType.putIfAbsent(t, path))));
        List<Change> changes = new ArrayList<>();
        DifferenceReporter reporter = new DifferenceReporter() {
            @Override
            public void report(DiffEvent e) {
                if (e.getCategory() == null) {
                    return; // "Examining ..." progress notes, not differences
                }
                changes.add(new Change(e.getLevel().name(), e.getCategory().name(),
                        e.getTypeName(), e.getFieldName(), e.getReasonMsg(),
                        fileOfType.getOrDefault(e.getTypeName(), SDL_DIR)));
            }

            @Override
            public void onEnd() {
            }
        };
        // Compared as built schemas (extensions merged into their types), not as documents.
        new SchemaDiff().diffSchema(SchemaDiffSet.diffSetFromIntrospection(schema(before), schema(after)), reporter);
        changes.sort(Comparator.comparing(Change::level).thenComparing(Change::where).thenComparing(Change::reason));
        return changes.stream().distinct().toList();
    }

    /** All files of a version in path order, with the connection types Spring would generate. */
    static String complete(Map<String, String> files) {
        String sdl = String.join("\n", new TreeMap<>(files).values());
        TypeDefinitionRegistry registry = parse("the schema", sdl);
        TreeSet<String> missing = new TreeSet<>();
        registry.getTypes(ObjectTypeDefinition.class).forEach(t -> fieldTypes(t.getFieldDefinitions(), missing));
        registry.objectTypeExtensions().values().forEach(l -> l.forEach(t -> fieldTypes(t.getFieldDefinitions(),
                missing)));
        missing.removeIf(n -> !n.endsWith("Connection") || registry.getType(n).isPresent());
        StringBuilder b = new StringBuilder(sdl);
        for (String connection : missing) {
            String node = connection.substring(0, connection.length() - "Connection".length());
            b.append("\ntype ").append(connection).append(" { edges: [").append(node)
                    .append("Edge]! pageInfo: PageInfo! }\ntype ").append(node).append("Edge { node: ").append(node)
                    .append("! cursor: String! }\n");
        }
        if (!missing.isEmpty() && registry.getType("PageInfo").isEmpty()) {
            b.append("type PageInfo { hasPreviousPage: Boolean! hasNextPage: Boolean! startCursor: String "
                    + "endCursor: String }\n");
        }
        return b.toString();
    }

    private static GraphQLSchema schema(Map<String, String> files) {
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(parse("the schema", complete(files)));
    }

    private static void fieldTypes(List<FieldDefinition> fields, TreeSet<String> names) {
        for (FieldDefinition f : fields) {
            if (TypeUtil.unwrapAll(f.getType()) instanceof TypeName n) {
                names.add(n.getName());
            }
        }
    }

    private static List<String> typeNames(String path, String sdl) {
        TypeDefinitionRegistry r = parse(path, sdl);
        List<String> names = new ArrayList<>(r.types().keySet());
        names.addAll(r.objectTypeExtensions().keySet());
        return names;
    }

    private static TypeDefinitionRegistry parse(String what, String sdl) {
        try {
            return new SchemaParser().parse(sdl);
        } catch (SchemaProblem e) {
            throw new IllegalArgumentException(what + ": not valid GraphQL SDL: " + e.getMessage(), e);
        }
    }
}
