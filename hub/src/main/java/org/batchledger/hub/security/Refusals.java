package org.batchledger.hub.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every refusal at the HTTP level says what is missing: 401 carries {@code WWW-Authenticate: Bearer} (RFC 6750,
 * with the token error when a token was sent) and 403 the roles that would be allowed, both as an RFC 9457 problem
 * body. The texts are fixed or come from the token validator, never from request data.
 */
final class Refusals implements AuthenticationEntryPoint, AccessDeniedHandler {
    /** Path prefixes guarded by role, first match wins; the same table decides access in SecurityConfiguration. */
    static final Map<String, List<String>> ROLES_BY_PATH = new LinkedHashMap<>();

    static {
        ROLES_BY_PATH.put("/actuator/", List.of("admin"));
        ROLES_BY_PATH.put("/ledger/", List.of("inspector", "admin"));
        ROLES_BY_PATH.put("/api/ingest", List.of("adapter"));
        ROLES_BY_PATH.put("/api/source-files/", List.of("inspector", "qa-reviewer", "qa-release", "admin"));
        ROLES_BY_PATH.put("/api/evidence/", List.of("inspector", "qa-reviewer", "qa-release", "admin"));
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Refusals.class);
    private final JsonMapper json;
    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

    Refusals(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        bearer.commence(request, response, e);
        boolean tokenSent = request.getHeader("Authorization") != null;
        write(response, HttpStatus.UNAUTHORIZED, tokenSent
                ? "the bearer token was refused (expired, not yet valid, wrong issuer or audience, or a bad signature)"
                : "a bearer token is required: send 'Authorization: Bearer <access token>' from the Keycloak realm",
                Map.of());
    }

    /**
     * A bearer token that could not be authenticated: refused (401) when it is bad, but 503 when it could not be
     * checked at all (the realm's signing keys unreachable), logged once without a stack trace, so a client retries
     * instead of logging in again.
     */
    void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof AuthenticationServiceException) {
            LOG.warn("a bearer token could not be checked: {}", e.getMessage());
            response.setHeader("Retry-After", "5");
            write(response, HttpStatus.SERVICE_UNAVAILABLE, "the token could not be checked now: the realm's "
                    + "signing keys cannot be fetched; retry shortly", Map.of());
            return;
        }
        commence(request, response, e);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        bearerDenied.handle(request, response, e);
        List<String> allowed = allowedRoles(request.getRequestURI().substring(request.getContextPath().length()));
        write(response, HttpStatus.FORBIDDEN, allowed.isEmpty() ? "the token's roles do not allow this request"
                : "this request needs one of the roles " + String.join(", ", allowed), Map.of("allowedRoles", allowed));
    }

    static List<String> allowedRoles(String path) {
        return ROLES_BY_PATH.entrySet().stream().filter(e -> path.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(List.of());
    }

    void write(HttpServletResponse response, HttpStatus status, String detail, Map<String, Object> properties)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.putAll(properties);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(problem));
    }
}
