package org.batchledger.hub.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.batchledger.hub.support.DemoData;
import org.batchledger.hub.support.GraphQlHttp;
import org.batchledger.hub.support.KeycloakServer;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.synthplant.SyntheticPlant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What every browser test shares: the real hub on a free loopback port against the shared Neo4j (demo plant loaded)
 * and the shared real Keycloak, one fresh headless Chromium per test, and the dialog helpers (submit, a forced
 * re-login). The hub's configuration is {@link #hub}: {@link SharedHubBrowserBase} declares the usual one, so the
 * classes extending it share one Spring context; a class that needs another (a short re-authentication window)
 * extends this class and declares its own {@code @DynamicPropertySource}. Skipped, with a message, where Debian's
 * chromium and chromedriver are missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BrowserTestBase {
    /** the release fixture's product specification (rp:MAT-TAB), as the release ITs configure it */
    private static final Path RELEASE_SPECIFICATIONS = Path.of("src/test/resources/release/specifications.json");

    @LocalServerPort
    int port;

    Browser browser;
    /** who is logged in, for a forced re-login */
    String user;

    /**
     * The hub against the shared Neo4j and Keycloak, the demo plant off (the tests load it themselves), a fresh data
     * directory, the product specifications of both the demo plant and the release fixture, and the given
     * re-authentication window.
     */
    static void hub(DynamicPropertyRegistry registry, Duration reauthenticationWindow) throws IOException {
        KeycloakServer keycloak = KeycloakServer.shared();
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "ui-it-data-");
        Path specs = Files.writeString(data.resolve("specifications.json"), specifications());
        registry.add("batchledger.neo4j.uri", () -> Neo4jTestServer.shared().uri().toString());
        registry.add("batchledger.keycloak.issuer", keycloak::issuer);
        registry.add("batchledger.keycloak.jwk-set-uri", keycloak::jwkSetUri);
        registry.add("batchledger.demo-plant.enabled", () -> "false");
        registry.add("batchledger.data-dir", data::toString);
        registry.add("batchledger.release.specifications", specs::toString);
        registry.add("batchledger.signature.reauthentication-window", reauthenticationWindow::toString);
    }

    /** The demo plant's product specifications (as the hub with its demo plant enabled adds them) and the release fixture's. */
    private static String specifications() {
        JsonArrayBuilder all = Json.createArrayBuilder();
        SyntheticPlant.specifications().all().forEach(s -> all.add(Json.createObjectBuilder()
                .add("product", s.product()).add("version", s.version())
                .add("tests", Json.createArrayBuilder(s.tests())).add("steps", Json.createArrayBuilder(s.steps()))));
        try (Reader in = Files.newBufferedReader(RELEASE_SPECIFICATIONS); JsonReader json = Json.createReader(in)) {
            json.readObject().getJsonArray("specifications").forEach(all::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Json.createObjectBuilder().add("specifications", all).build().toString();
    }

    @BeforeAll
    static void chromiumIsThere() {
        assumeTrue(Browser.available(), "UI browser tests skipped: no executable " + Browser.CHROMIUM + " and "
                + Browser.CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
        DemoData.ensureLoaded();
    }

    @BeforeEach
    void startBrowser() {
        KeycloakServer.shared().allowWebOrigin("ui-client", base());
        browser = new Browser(base());
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    static String token(String username) {
        return KeycloakServer.shared().passwordToken(username, "demo");
    }

    String inspector() {
        return token("inspector");
    }

    /** A GraphQL read or command through HTTP as the given token, failing the test on any error. */
    GraphQlHttp.Response graphql(String token, String document, JsonObject variables) {
        var r = variables == null ? new GraphQlHttp(port).post(token, document) : new GraphQlHttp(port).post(token, document, variables);
        assertThat(r.hasErrors()).as("%s", r.body()).isFalse();
        return r;
    }

    static String text(JsonValue v) {
        return ((jakarta.json.JsonString) v).getString();
    }

    /**
     * Clicks a dialog's submit button and waits for one of its outcomes. On a loaded machine a step may take longer
     * than a short re-authentication window: then the UI sends the user to log in again, and the action is resumed.
     */
    void submit(By button, String outcomes) {
        browser.await(button).click();
        browser.waiting().until(d -> !d.findElements(By.cssSelector(outcomes)).isEmpty() || !d.findElements(By.id("password")).isEmpty());
        if (!browser.driver.findElements(By.id("password")).isEmpty()) {
            logInAgain(user);
            browser.await(By.cssSelector(outcomes));
        }
    }

    /** Keycloak's login page of a forced re-login (prompt=login): the password again, the user name if asked. */
    void logInAgain(String username) {
        WebElement password = browser.await(By.id("password"));
        List<WebElement> usernames = browser.driver.findElements(By.id("username"));
        if (!usernames.isEmpty() && usernames.getFirst().isEnabled() && usernames.getFirst().getAttribute("value").isEmpty()) {
            usernames.getFirst().sendKeys(username);
        }
        password.sendKeys("demo");
        browser.driver.findElement(By.id("kc-login")).click();
    }
}
