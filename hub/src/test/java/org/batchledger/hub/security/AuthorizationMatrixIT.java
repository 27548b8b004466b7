package org.batchledger.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.batchledger.hub.security.AccessPolicy.Row;
import org.batchledger.hub.security.SchemaReach.Field;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.HubTestBase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The hub against its reviewed access policy ({@code requirements/access-policy.csv}), written apart from the SDL
 * and the URL security it checks: a wrong {@code @roles} fails here instead of defining the policy. Every GraphQL
 * operation and HTTP endpoint needs a row, every row an operation; each is called by every realm role and without
 * a token; and no operation may hand a role, through nested fields, a kind of data that role may not read.
 */
@Tag("REQ-SECURITY-001")
@Tag("REQ-SECURITY-003")
@Tag("REQ-SECURITY-007")
class AuthorizationMatrixIT extends HubTestBase {
    private static final List<String> REALM_ROLES = AccessPolicy.REALM_ROLES;
    private static final AccessPolicy POLICY = AccessPolicy.load();
    private static final SchemaReach SCHEMA = SchemaReach.load();
    /** Served by the GraphQL router, the static resource handler and the actuator's index, not by a mapping. */
    private static final Set<String> UNMAPPED_ENDPOINTS =
            Set.of("POST /graphql", "GET /", "GET /assets/**", "GET /actuator");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    PathMappedEndpoints actuator;

    @Test
    void everyQueryAndMutationFieldStatesItsRoles() {
        List<String> missing = SCHEMA.operations().filter(f -> f.roles().isEmpty()).map(Field::coordinates).toList();
        assertThat(missing).as("fields without @roles").isEmpty();
    }

    @Test
    @Tag("REQ-SECURITY-012")
    void everyFieldThatGatesOnRolesHasAPolicyRow() {
        List<String> missing = SCHEMA.fields().filter(f -> !f.roles().isEmpty())
                .filter(f -> POLICY.row("graphql", f.coordinates()).isEmpty())
                .map(f -> f.coordinates() + " is in the schema but not in " + AccessPolicy.FILE_NAME
                        + "; review its roles and add the row: " + suggestedRow(f)).toList();
        assertThat(missing).isEmpty();
    }

    @Test
    @Tag("REQ-SECURITY-013")
    void everyGraphqlRowNamesAFieldOfTheSchema() {
        List<String> stale = POLICY.ofKind("graphql").stream().filter(r -> SCHEMA.field(r.operation())
                        .filter(f -> !f.roles().isEmpty()).isEmpty())
                .map(r -> r.where() + " names no field of the schema that states @roles: remove or rename the row")
                .toList();
        assertThat(stale).isEmpty();
    }

    @Test
    @Tag("REQ-SECURITY-014")
    void theSchemasRolesAreThePolicysRoles() {
        List<String> wrong = new ArrayList<>();
        for (Row r : POLICY.ofKind("graphql")) {
            SCHEMA.field(r.operation()).filter(f -> !f.roles().equals(r.allowed())).ifPresent(f ->
                    wrong.add(r.operation() + ": the schema's @roles allow " + new TreeSet<>(f.roles()) + " but "
                            + r.where() + " allows " + new TreeSet<>(r.allowed())));
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Object level: an operation's answer, nested fields and node's every implementation included, holds only kinds
     * of data its row names, and every role the row lets in may read each of them.
     */
    @Test
    @Tag("REQ-SECURITY-009")
    @Tag("REQ-SECURITY-015")
    @Tag("REQ-SECURITY-025")
    void noOperationHandsARoleDataItMayNotRead() {
        Map<String, String> kindOfType = POLICY.kindOfType();
        List<String> doors = new ArrayList<>();
        for (Row r : POLICY.ofKind("graphql")) {
            SCHEMA.field(r.operation()).ifPresent(f -> SCHEMA.reachableTypes(f).forEach((type, path) -> {
                String kind = kindOfType.getOrDefault(type, AccessPolicy.DEFAULT_KIND);
                if (!r.reaches().contains(kind)) {
                    doors.add(r.where() + " reaches " + type + " (" + kind + ") through " + path
                            + ", but its reaches column does not name " + kind);
                }
            }));
        }
        for (Row r : POLICY.rows().stream().filter(r -> !r.kind().equals("data")).toList()) {
            for (String kind : r.reaches()) {
                Row data = POLICY.row("data", kind).orElse(null);
                if (data == null) {
                    doors.add(r.where() + " reaches " + kind + ", which no data row defines");
                    continue;
                }
                for (String role : r.allowed()) {
                    List<String> callers = role.equals(AccessPolicy.AUTHENTICATED) ? REALM_ROLES : List.of(role);
                    for (String caller : callers) {
                        if (!data.lets(caller.equals(AccessPolicy.ANONYMOUS) ? null : caller)) {
                            doors.add(r.where() + " lets in " + role + ", but " + data.where() + " is not for "
                                    + caller);
                        }
                    }
                }
            }
        }
        assertThat(doors).isEmpty();
    }

    @Test
    @Tag("REQ-SECURITY-016")
    void everyRoleReachesExactlyTheOperationsThePolicyAllows() {
        List<String> violations = new ArrayList<>();
        for (Row row : POLICY.ofKind("graphql")) {
            Field field = SCHEMA.field(row.operation()).orElse(null);
            if (field == null || !Set.of("Query", "Mutation").contains(field.type())) {
                continue; // a stale row fails above; a nested gated field is checked against the schema only
            }
            String document = document(field);
            for (String role : REALM_ROLES) {
                Response r = graphql().post(TOKENS.forUser("user-" + role, role), document);
                boolean forbidden = r.hasErrors() && r.body().getJsonArray("errors").stream()
                        .map(e -> ((JsonObject) e).getJsonObject("extensions").getString("classification"))
                        .anyMatch("FORBIDDEN"::equals);
                if (forbidden == row.lets(role)) {
                    violations.add(row.operation() + " for " + role + (forbidden ? " was refused" : " was let in")
                            + ", " + row.where() + " says otherwise");
                }
            }
            Response anonymous = graphql().post(null, document);
            if (anonymous.status() != 401) {
                violations.add(row.operation() + " without a token answered " + anonymous.status() + ", not 401");
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    @Tag("REQ-SECURITY-017")
    void everyEndpointTheHubServesHasAPolicyRow() {
        Set<String> served = servedEndpoints();
        List<PathRow> rows = POLICY.ofKind("rest").stream().map(PathRow::of).toList();
        List<String> missing = served.stream().filter(e -> rows.stream().noneMatch(r -> r.covers(e)))
                .map(e -> e + " is served but not in " + AccessPolicy.FILE_NAME + "; review who may call it and "
                        + "add the row: rest," + e + ",<roles>,<kinds of data it returns>,\"<why>\"")
                .toList();
        assertThat(missing).isEmpty();
    }

    @Test
    @Tag("REQ-SECURITY-018")
    void everyRestRowNamesAnEndpointTheHubServes() {
        Set<String> served = servedEndpoints();
        List<String> stale = POLICY.ofKind("rest").stream()
                .filter(r -> !UNMAPPED_ENDPOINTS.contains(r.operation()))
                .filter(r -> served.stream().noneMatch(PathRow.of(r)::covers))
                .map(r -> r.where() + " names no endpoint the hub serves: remove or rename the row").toList();
        assertThat(stale).isEmpty();
    }

    @Test
    @Tag("REQ-SECURITY-019")
    @Tag("REQ-SECURITY-024")
    void everyRoleAndNoTokenGetExactlyWhatEachEndpointsRowAllows() throws Exception {
        List<String> violations = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        for (Row row : POLICY.ofKind("rest")) {
            List<String> callers = new ArrayList<>(REALM_ROLES);
            callers.add(null);
            for (String role : callers) {
                int status = call(http, row, role == null ? null : TOKENS.forUser("user-" + role, role));
                int refused = role == null ? 401 : 403;
                boolean expectIn = row.lets(role);
                if (expectIn ? status == 401 || status == 403 : status != refused) {
                    violations.add(row.operation() + " for " + (role == null ? "no token" : role) + " answered "
                            + status + ", " + row.where() + (expectIn ? " lets it in" : " expects " + refused));
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /** Written apart from the SDL: the release fields' roles as the release contract states them. */
    @Test
    @Tag("REQ-RELEASE-006")
    void releaseFieldsLetInTheRolesTheReleaseContractNames() {
        Set<String> allowed = Set.of("operator", "qa-reviewer", "qa-release", "inspector", "admin");
        for (String name : List.of("Query.releaseReadiness", "Query.releaseQueue", "Query.reviewQueue")) {
            assertThat(POLICY.row("graphql", name).orElseThrow().allowed()).as(name).isEqualTo(allowed);
        }
    }

    /** Written apart from the SDL: only the three signing roles sign or withdraw; inspector, adapter, admin never. */
    @Test
    @Tag("REQ-SIGNATURE-007")
    void onlyTheSigningRolesReachTheSignatureMutations() {
        Set<String> signing = Set.of("operator", "qa-reviewer", "qa-release");
        for (String name : List.of("Mutation.sign", "Mutation.withdrawSignature")) {
            assertThat(SCHEMA.field(name).orElseThrow().roles()).as(name).isEqualTo(signing);
            assertThat(POLICY.row("graphql", name).orElseThrow().allowed()).as(name).isEqualTo(signing);
        }
    }

    /** Written apart from the SDL: the batch release decision is qa-release's alone (DESIGN.md, security model). */
    @Test
    @Tag("REQ-SIGNATURE-008")
    void onlyQaReleaseReachesDisposition() {
        Field field = SCHEMA.field("Mutation.disposition").orElseThrow();
        assertThat(field.roles()).isEqualTo(Set.of("qa-release"));
        for (String role : REALM_ROLES) {
            Response r = graphql().post(TOKENS.forUser("user-" + role, role), document(field));
            assertThat("FORBIDDEN".equals(r.errorClass())).as("%s: %s", role, r.body())
                    .isEqualTo(!role.equals("qa-release"));
        }
    }

    /** Written apart from the SDL: evidence packages are for the roles that read proofs and release, no one else. */
    @Test
    @Tag("REQ-EVIDENCE-010")
    void evidenceExportLetsInTheInspectorQaAndAdminOnly() {
        assertThat(SCHEMA.field("Query.exportEvidence").orElseThrow().roles())
                .isEqualTo(Set.of("inspector", "qa-reviewer", "qa-release", "admin"));
    }

    /** What a reviewer would write after checking the roles: the schema's roles and the kinds its answer reaches. */
    private static String suggestedRow(Field f) {
        Map<String, String> kindOfType = POLICY.kindOfType();
        Set<String> kinds = SCHEMA.reachableTypes(f).keySet().stream()
                .map(t -> kindOfType.getOrDefault(t, AccessPolicy.DEFAULT_KIND))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return "graphql," + f.coordinates() + "," + REALM_ROLES.stream().filter(f.roles()::contains)
                .collect(Collectors.joining(" ")) + "," + String.join(" ", kinds) + ",\"<why these roles>\"";
    }

    /** {@code METHOD pattern} of every request mapping and actuator endpoint ({@code ANY} when unrestricted). */
    private Set<String> servedEndpoints() {
        Set<String> served = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name)
                    .collect(Collectors.toSet());
            for (String pattern : info.getPatternValues()) {
                (methods.isEmpty() ? Set.of("ANY") : methods).forEach(m -> served.add(m + " " + pattern));
            }
        }
        actuator.getAllPaths().forEach(p -> served.add("GET " + p));
        return served;
    }

    /** A rest row's method and path pattern; it covers an endpoint of the same method whose pattern it matches. */
    private record PathRow(String method, String text, PathPattern pattern) {
        static PathRow of(Row row) {
            String[] parts = row.operation().split(" ", 2);
            return new PathRow(parts[0], parts[1], PathPatternParser.defaultInstance.parse(parts[1]));
        }

        boolean covers(String endpoint) {
            String[] parts = endpoint.split(" ", 2);
            return parts[0].equals(method) && (parts[1].equals(text)
                    || pattern.matches(PathContainer.parsePath(parts[1])));
        }
    }

    /** One request to the row's endpoint: a sample path for its pattern, a body where the method needs one. */
    private int call(HttpClient http, Row row, String token) throws IOException, InterruptedException {
        String[] parts = row.operation().split(" ", 2);
        String path = samplePath(parts[1]);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        switch (parts[0]) {
            case "POST" -> request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}"));
            case "GET", "ANY" -> request.GET();
            default -> throw new IllegalStateException(row.where() + ": method " + parts[0]);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String samplePath(String pattern) {
        String path = switch (pattern) {
            case "/ledger/tile/**" -> "/ledger/tile/0/000";
            case "/actuator/health/**" -> "/actuator/health/liveness";
            case "/api/recall-impact.csv" -> "/api/recall-impact.csv?lot=Lot:authz:none";
            default -> pattern;
        };
        return path.replace("{sha256}", "0".repeat(64))
                .replace("{id}", "none").replace("/**", "/none");
    }

    /** The smallest document that calls the field: dummy required arguments, {@code __typename} selected. */
    private static String document(Field field) {
        String args = field.definition().getInputValueDefinitions().stream()
                .filter(a -> a.getType() instanceof NonNullType).map(AuthorizationMatrixIT::dummy)
                .collect(Collectors.joining(", "));
        String call = field.definition().getName() + (args.isEmpty() ? "" : "(" + args + ")");
        boolean scalar = Set.of("Int", "Float", "String", "Boolean", "ID", "DateTime")
                .contains(SchemaReach.innerName(field.definition().getType()));
        return (SCHEMA.isMutation(field) ? "mutation" : "query") + " { " + call + (scalar ? "" : " { __typename }")
                + " }";
    }

    private static String dummy(InputValueDefinition arg) {
        String type = SchemaReach.innerName(arg.getType());
        String value = switch (type) {
            case "Int" -> "1";
            case "Float" -> "1.0";
            case "Boolean" -> "true";
            case "ID", "String" -> "\"Batch:authz:none\"";
            case "TraceDirection" -> "DOWNSTREAM";
            case "SignatureMeaning" -> "PERFORMED";
            case "DispositionDecision" -> "ON_HOLD";
            case "EvidenceScope" -> "BATCH";
            case "ExceptionDecision" -> "ACCEPT";
            case "CalibrationOutcome" -> "PASS";
            case "DateTime" -> "\"2026-01-01T00:00:00.000Z\"";
            default -> throw new IllegalStateException("add a dummy value for required argument type " + type);
        };
        return arg.getName() + ": " + (arg.getType() instanceof NonNullType n && n.getType() instanceof ListType
                ? "[" + value + "]" : value);
    }
}
