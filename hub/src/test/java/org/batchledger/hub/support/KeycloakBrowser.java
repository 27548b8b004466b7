package org.batchledger.hub.support;

import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser of one person logging in to the demo realm through {@code ui-client}: the authorization code flow with
 * PKCE, the login form filled in, cookies kept, so a second authorization is single sign-on unless it asks for
 * {@code max_age} or {@code prompt=login}. What the hub's web UI does, without a web UI.
 */
public final class KeycloakBrowser {
    private static final String REDIRECT = "http://localhost:8080/";
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern ANY_ACTION = Pattern.compile("action=\"([^\"]+)\"");

    private final KeycloakServer keycloak;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    // Keycloak marks its session cookies Secure; a browser still sends them to http://localhost (a secure context),
    // java.net's CookieManager would not, so the cookies are kept here, by name.
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public KeycloakBrowser(KeycloakServer keycloak) {
        this.keycloak = keycloak;
    }

    /**
     * Authorizes {@code ui-client} and returns the access token. When Keycloak shows its login form, it is filled in
     * with the credentials; with a live session and no {@code max_age}/{@code prompt} it is not shown (SSO).
     *
     * @param extra further authorization request parameters, e.g. {@code Map.of("max_age", "0")}
     */
    public String accessToken(String username, String password, Map<String, String> extra) {
        String verifier = randomVerifier();
        Map<String, String> params = new LinkedHashMap<>(Map.of("client_id", "ui-client", "response_type", "code",
                "scope", "openid", "redirect_uri", REDIRECT, "code_challenge", challenge(verifier),
                "code_challenge_method", "S256"));
        params.putAll(extra);
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(keycloak.issuer()
                + "/protocol/openid-connect/auth?" + form(params))).GET().build());
        HttpResponse<String> answer = page.statusCode() != 200 ? page
                : send(HttpRequest.newBuilder(URI.create(loginAction(page.body())))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username,
                                "password", password, "credentialId", "")))).build());
        String location = answer.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                "no redirect after login: HTTP " + answer.statusCode()));
        String code = query(location).get("code");
        if (code == null) {
            throw new IllegalStateException("login did not return a code: " + location);
        }
        HttpResponse<String> token = keycloak.requestToken(Map.of("grant_type", "authorization_code",
                "client_id", "ui-client", "code", code, "redirect_uri", REDIRECT, "code_verifier", verifier));
        if (token.statusCode() != 200) {
            throw new IllegalStateException("code exchange refused: HTTP " + token.statusCode() + " " + token.body());
        }
        try (var reader = Json.createReader(new StringReader(token.body()))) {
            return reader.readObject().getString("access_token");
        }
    }

    private static String loginAction(String html) {
        Matcher m = FORM_ACTION.matcher(html);
        if (!m.find()) {
            m = ANY_ACTION.matcher(html);
            if (!m.find()) {
                throw new IllegalStateException("no login form in the page");
            }
        }
        return m.group(1).replace("&amp;", "&");
    }

    private HttpResponse<String> send(HttpRequest request) {
        HttpRequest.Builder withCookies = HttpRequest.newBuilder(request, (name, value) -> true);
        if (!cookies.isEmpty()) {
            withCookies.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                if (value.isEmpty() || set.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String uri) {
        String q = URI.create(uri).getRawQuery();
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : q == null ? new String[0] : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String randomVerifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
