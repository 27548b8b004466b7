package org.batchledger.hub.security;

import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.List;
import org.batchledger.hub.HubProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * URL security: GraphQL needs a valid Keycloak token (else 401); which fields a token may reach is decided per
 * field by the {@code @roles} directive and {@code @PreAuthorize} behind it. Health probes, GraphiQL, the UI's
 * static files, its page routes ({@code /ui/**}) and its login settings ({@code /api/ui/config}) are open: they
 * carry no batch data; metrics and the other actuator endpoints need the admin role (they tell versions and paths).
 * Refusals carry a problem body ({@link Refusals}). The ledger's tlog-tiles under {@code /ledger/} are for
 * the inspector and admin roles, or for anyone when {@code batchledger.ledger.public-tiles=true}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http,
                                            @Value("${batchledger.ledger.public-tiles:false}") boolean publicTiles,
                                            JsonMapper json, HubProperties props, MesUsernames mesUsernames)
            throws Exception {
        Refusals refusals = new Refusals(json);
        return http
                // No CORS configuration at all: the UI is served by the hub itself, so browsers refuse every other
                // origin's calls. The policy lets the UI load only the hub's own files and talk to the hub and the
                // realm (token requests, login); nothing from anywhere else, no framing of the hub.
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(props)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        // The error page of a request already let in (a missing UI file: 404, not 401); a refusal
                        // writes its own body and never dispatches here, and a direct GET /error needs a token.
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/health").permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole(roles("/actuator/"))
                        .requestMatchers("/", "/index.html", "/assets/**", "/favicon.ico", "/graphiql/**",
                                "/graphiql", "/ui", "/ui/**", "/api/ui/config").permitAll()
                        .requestMatchers("/ledger/checkpoint", "/ledger/tile/**").access(publicTiles
                                ? (auth2, ctx) -> new AuthorizationDecision(true)
                                : AuthorityAuthorizationManager.hasAnyRole(roles("/ledger/")))
                        .requestMatchers("/api/ingest").hasAnyRole(roles("/api/ingest"))
                        .requestMatchers("/api/source-files/**").hasAnyRole(roles("/api/source-files/"))
                        .requestMatchers("/api/evidence/**").hasAnyRole(roles("/api/evidence/"))
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> {
                    rs.jwt(jwt -> jwt.jwtAuthenticationConverter(new RealmRolesConverter(mesUsernames)))
                            .authenticationEntryPoint(refusals)
                            .accessDeniedHandler(refusals);
                    // a token that cannot be checked now (the realm's keys unreachable) is a 503, not a 500
                    rs.addObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                        @Override
                        public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                            filter.setAuthenticationFailureHandler(refusals::failed);
                            return filter;
                        }
                    });
                })
                .exceptionHandling(e -> e.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .build();
    }

    static String contentSecurityPolicy(HubProperties props) {
        URI issuer = URI.create(props.keycloak().issuer());
        String realm = issuer.getScheme() + "://" + issuer.getAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                + "font-src 'self' data:; worker-src 'self' blob:; connect-src 'self' " + realm + "; frame-src " + realm
                + "; form-action 'self' " + realm + "; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
    }

    private static String[] roles(String pathPrefix) {
        return Refusals.ROLES_BY_PATH.get(pathPrefix).toArray(String[]::new);
    }

    /** Signature from the realm's keys, expiry, exact issuer, and our audience: a token for another app fails. */
    @Bean
    JwtDecoder jwtDecoder(HubProperties props) {
        HubProperties.Keycloak kc = props.keycloak();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(kc.jwkSetUri()).build();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>("aud",
                aud -> aud != null && aud.contains(kc.audience()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(kc.issuer()), audience));
        return decoder;
    }
}
