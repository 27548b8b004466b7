package org.batchledger.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.EnumValue;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.HubTestBase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * DESIGN.md security model: every Query and Mutation field states its roles, and for every field and every realm
 * role the hub lets in exactly the roles stated and refuses the others with FORBIDDEN.
 */
@Tag("REQ-SECURITY-001")
@Tag("REQ-SECURITY-003")
class AuthorizationMatrixIT extends HubTestBase {
    private static final List<String> REALM_ROLES =
            List.of("operator", "qa-reviewer", "qa-release", "inspector", "adapter", "admin");

    @Test
    void everyQueryAndMutationFieldStatesItsRoles() throws IOException {
        List<String> missing = operations().filter(f -> f.getDirectives("roles").isEmpty())
                .map(FieldDefinition::getName).toList();
        assertThat(missing).as("fields without @roles").isEmpty();
    }

    @Test
    void everyRoleReachesExactlyTheFieldsItsRolesAllow() throws IOException {
        List<String> violations = new ArrayList<>();
        for (FieldDefinition field : operations().toList()) {
            Set<String> allowed = allowedRoles(field);
            for (String role : REALM_ROLES) {
                Response r = graphql().post(TOKENS.forUser("user-" + role, role), document(field));
                boolean forbidden = r.hasErrors() && r.body().getJsonArray("errors").stream()
                        .map(e -> ((JsonObject) e).getJsonObject("extensions").getString("classification"))
                        .anyMatch("FORBIDDEN"::equals);
                if (forbidden == allowed.contains(role)) {
                    violations.add(field.getName() + " for " + role + (forbidden ? " was refused" : " was let in"));
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /**
     * The release fields' roles as the release contract states them, written apart from the SDL that enforces them:
     * every role that reads batch records reaches them, the adapter (ingest only) does not.
     */
    @Test
    @Tag("REQ-RELEASE-006")
    void releaseFieldsLetInTheRolesTheReleaseContractNames() {
        Set<String> allowed = Set.of("operator", "qa-reviewer", "qa-release", "inspector", "admin");
        List<String> violations = new ArrayList<>();
        for (String query : List.of("{ releaseReadiness(batch: \"Batch:authz:none\") { ready } }",
                "{ releaseQueue { totalCount } }", "{ reviewQueue(batch: \"Batch:authz:none\") { total } }")) {
            for (String role : REALM_ROLES) {
                Response r = graphql().post(TOKENS.forUser("user-" + role, role), query);
                boolean forbidden = r.hasErrors() && "FORBIDDEN".equals(r.errorClass());
                if (forbidden == allowed.contains(role)) {
                    violations.add(query + " for " + role + (forbidden ? " was refused" : " was let in"));
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /** Written apart from the SDL: only the three signing roles sign or withdraw; inspector, adapter, admin never. */
    @Test
    @Tag("REQ-SIGNATURE-007")
    void onlyTheSigningRolesReachTheSignatureMutations() throws IOException {
        Set<String> signing = Set.of("operator", "qa-reviewer", "qa-release");
        for (String name : List.of("sign", "withdrawSignature")) {
            FieldDefinition field = operations().filter(f -> f.getName().equals(name)).findFirst().orElseThrow();
            assertThat(allowedRoles(field)).as(name).isEqualTo(signing);
        }
    }

    /** Written apart from the SDL: the batch release decision is qa-release's alone (DESIGN.md, security model). */
    @Test
    @Tag("REQ-SIGNATURE-008")
    void onlyQaReleaseReachesDisposition() throws IOException {
        FieldDefinition field = operations().filter(f -> f.getName().equals("disposition")).findFirst().orElseThrow();
        assertThat(allowedRoles(field)).isEqualTo(Set.of("qa-release"));
        for (String role : REALM_ROLES) {
            Response r = graphql().post(TOKENS.forUser("user-" + role, role), document(field));
            assertThat("FORBIDDEN".equals(r.errorClass())).as("%s: %s", role, r.body())
                    .isEqualTo(!role.equals("qa-release"));
        }
    }

    /** Written apart from the SDL: evidence packages are for the roles that read proofs and release, no one else. */
    @Test
    @Tag("REQ-EVIDENCE-010")
    void evidenceExportLetsInTheInspectorQaAndAdminOnly() throws IOException {
        FieldDefinition field = operations().filter(f -> f.getName().equals("exportEvidence")).findFirst()
                .orElseThrow();
        assertThat(allowedRoles(field)).isEqualTo(Set.of("inspector", "qa-reviewer", "qa-release", "admin"));
    }

    private static Stream<FieldDefinition> operations() throws IOException {
        TypeDefinitionRegistry registry = registry();
        // fields of "extend type Query" in the area files count too
        return Stream.of("Query", "Mutation").flatMap(t -> Stream.concat(
                        registry.getType(t, ObjectTypeDefinition.class).stream(),
                        registry.objectTypeExtensions().getOrDefault(t, List.of()).stream()))
                .flatMap(t -> t.getFieldDefinitions().stream());
    }

    private static Set<String> allowedRoles(FieldDefinition field) {
        Directive roles = field.getDirectives("roles").getFirst();
        return ((ArrayValue) roles.getArgument("any").getValue()).getValues().stream()
                .map(v -> ((EnumValue) v).getName().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.toSet());
    }

    /** The smallest document that calls the field: dummy required arguments, {@code __typename} selected. */
    private static String document(FieldDefinition field) {
        String args = field.getInputValueDefinitions().stream().filter(a -> a.getType() instanceof NonNullType)
                .map(AuthorizationMatrixIT::dummy).collect(Collectors.joining(", "));
        String call = field.getName() + (args.isEmpty() ? "" : "(" + args + ")");
        String op = operationOf(field);
        return op + " { " + call + (isScalar(field.getType()) ? "" : " { __typename }") + " }";
    }

    private static String dummy(InputValueDefinition arg) {
        String type = innerName(arg.getType());
        return arg.getName() + ": " + switch (type) {
            case "Int" -> "1";
            case "Boolean" -> "true";
            case "ID", "String" -> "\"Batch:authz:none\"";
            case "TraceDirection" -> "DOWNSTREAM";
            case "SignatureMeaning" -> "PERFORMED";
            case "DispositionDecision" -> "ON_HOLD";
            case "EvidenceScope" -> "BATCH";
            case "ExceptionDecision" -> "ACCEPT";
            default -> throw new IllegalStateException("add a dummy value for required argument type " + type);
        };
    }

    private static String operationOf(FieldDefinition field) {
        try {
            TypeDefinitionRegistry registry = registry();
            return Stream.concat(registry.getType("Mutation", ObjectTypeDefinition.class).stream(),
                            registry.objectTypeExtensions().getOrDefault("Mutation", List.of()).stream())
                    .anyMatch(m -> m.getFieldDefinitions().stream().anyMatch(f -> f.getName().equals(field.getName())))
                    ? "mutation" : "query";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isScalar(Type<?> type) {
        return Set.of("Int", "Float", "String", "Boolean", "ID", "DateTime").contains(innerName(type));
    }

    private static String innerName(Type<?> type) {
        return switch (type) {
            case NonNullType n -> innerName(n.getType());
            case ListType l -> innerName(l.getType());
            case TypeName t -> t.getName();
            default -> throw new IllegalStateException(type.toString());
        };
    }

    private static TypeDefinitionRegistry registry() throws IOException {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/**/*.graphqls")) {
            registry.merge(new SchemaParser().parse(r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return registry;
    }
}
