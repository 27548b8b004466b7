package org.batchledger.hub.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real Keycloak server with the demo realm, run as a child process on loopback and a free port.
 * Startup takes tens of seconds, so all test classes in a JVM share one ({@link #shared()}); it is
 * stopped, with its whole process tree, when the JVM exits.
 */
public final class KeycloakServer {

    public static final String REALM = "batchledger";
    // A loaded build machine (2 cores, several builds) needs minutes for Keycloak's first start (augmentation).
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(Long.getLong("keycloak.startup.seconds", 480));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String ADMIN = "test-admin";
    /** The test server's master-realm admin; fresh per JVM, known only to this process. */
    private static final String ADMIN_PASSWORD = java.util.UUID.randomUUID().toString();
    private static KeycloakServer shared;

    private final int port;
    private final Path home;
    private final Path log;
    private final Process process;

    private KeycloakServer(int port, Path home, Path log, Process process) {
        this.port = port;
        this.home = home;
        this.log = log;
        this.process = process;
    }

    /** The server shared by all tests in this JVM, started on first use. */
    public static synchronized KeycloakServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "keycloak-stop"));
        }
        return shared;
    }

    /** Starts a private server and waits until the demo realm answers. The caller must {@link #stop()} it. */
    public static KeycloakServer start() {
        KeycloakDistribution distribution = KeycloakDistribution.locate();
        int port = freePort();
        Path runs = distribution.moduleDir().resolve("target/keycloak-runs");
        Instant copyStart = Instant.now();
        Path home = distribution.copyTo(runs.resolve(String.valueOf(port)));
        System.out.printf("Keycloak: copied distribution to %s in %d ms%n", home,
                Duration.between(copyStart, Instant.now()).toMillis());
        Path log = runs.resolve("keycloak-" + port + ".log");
        KeycloakServer server = new KeycloakServer(port, home, log, launch(home, port, log));
        server.awaitRealm();
        return server;
    }

    /** The token issuer, stable because the hostname is fixed: {@code http://localhost:<port>/realms/batchledger}. */
    public String issuer() {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    public String jwkSetUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    public String tokenUri() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /** An access token for a demo user, by password grant through the {@code hub-cli} client. */
    public String passwordToken(String username, String password) {
        return accessToken(requestToken(Map.of("grant_type", "password", "client_id", "hub-cli",
                "username", username, "password", password)));
    }

    /** An access token for a confidential client's service account. */
    public String clientCredentialsToken(String clientId, String secret) {
        return accessToken(requestToken(Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret)));
    }

    /** Posts a form to the token endpoint and returns the raw response, for tests of refusals. */
    public HttpResponse<String> requestToken(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUri()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return send(request);
    }

    /**
     * Adds a web origin (CORS) to a client of the demo realm, through the admin API. The browser tests need it for
     * the hub's free port: Keycloak 26 lets {@code http://127.0.0.1/*} redirect to any loopback port, but compares
     * the Origin of the token request exactly, and a web origin takes no wildcard port. Idempotent.
     */
    public synchronized void allowWebOrigin(String clientId, String origin) {
        String admin = accessToken(send(form(URI.create("http://localhost:" + port
                + "/realms/master/protocol/openid-connect/token"), Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", ADMIN, "password", ADMIN_PASSWORD))));
        String clients = "http://localhost:" + port + "/admin/realms/" + REALM + "/clients";
        HttpResponse<String> found = send(HttpRequest.newBuilder(URI.create(clients + "?clientId=" + encode(clientId)))
                .header("Authorization", "Bearer " + admin).timeout(Duration.ofSeconds(30)).GET().build());
        JsonObject client;
        try (var reader = Json.createReader(new StringReader(found.body()))) {
            client = reader.readArray().getJsonObject(0);
        }
        var origins = Json.createArrayBuilder(client.getJsonArray("webOrigins"));
        if (client.getJsonArray("webOrigins").getValuesAs(jakarta.json.JsonString::getString).contains(origin)) {
            return;
        }
        String body = Json.createObjectBuilder(client).add("webOrigins", origins.add(origin)).build().toString();
        HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(clients + "/" + client.getString("id")))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).PUT(HttpRequest.BodyPublishers.ofString(body)).build());
        if (put.statusCode() / 100 != 2) {
            throw new IllegalStateException("Keycloak refused the web origin " + origin + ": HTTP " + put.statusCode()
                    + " " + put.body());
        }
    }

    private static HttpRequest form(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Stops the server and every process it spawned (kc.sh runs java as a child). Idempotent. */
    public synchronized void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (Files.exists(home)) {
            KeycloakDistribution.delete(home);
        }
    }

    private static Process launch(Path home, int port, Path log) {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + freePort(),
                "--hostname=http://localhost:" + port, "--db=dev-mem", "--import-realm")
                .directory(home.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // A developer's KC_* or JAVA_OPTS settings must not change the server under test.
        builder.environment().keySet().removeIf(k -> k.startsWith("KC_") || k.startsWith("JAVA_OPTS"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // A temporary master-realm admin, so a test can register the origin of its hub (see allowWebOrigin).
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + builder.command(), e);
        }
    }

    private void awaitRealm() {
        Instant start = Instant.now();
        Instant deadline = start.plus(STARTUP_TIMEOUT);
        HttpRequest probe = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    System.out.printf("Keycloak: realm %s ready at %s after %d ms%n", REALM, issuer(),
                            Duration.between(start, Instant.now()).toMillis());
                    return;
                }
            } catch (IOException notYetListening) {
                // keep polling until the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(Duration.ofMillis(500));
        }
        String reason = process.isAlive() ? "did not answer within " + STARTUP_TIMEOUT.toSeconds() + " s"
                : "exited with code " + process.exitValue();
        stop();
        throw new IllegalStateException("Keycloak " + reason + " (realm " + issuer() + "). Last lines of "
                + log + ":\n" + tail(log, 40));
    }

    private static String accessToken(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Token request refused: HTTP " + response.statusCode() + " " + response.body());
        }
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            JsonObject json = reader.readObject();
            return json.getString("access_token");
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + request.uri(), e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path file, int lines) {
        try {
            // Decoding bytes (not readAllLines) never fails on a half-written multi-byte character.
            List<String> all = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
