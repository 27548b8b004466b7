package org.batchledger.hub.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.batchledger.hub.support.HubTestBase;
import org.batchledger.hub.support.TestTokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The hub serves the UI at '/', on every UI route and at /graphiql, without a token; neither the pages nor any built
 * asset loads anything from outside the hub (no CDN, no external font).
 */
@Tag("REQ-UI-009")
class UiServedIT extends HubTestBase {
    /** What makes a browser fetch: src/href attributes, CSS imports and url(), ES module imports. */
    private static final Pattern EXTERNAL_LOAD = Pattern.compile(
            "(?:src|href)\\s*=\\s*[\"']https?://[^\"']+|@import\\s+(?:url\\()?[\"']?https?://[^)\"'\\s]+"
                    + "|url\\(\\s*[\"']?https?://[^)\"'\\s]+|(?:from|import)\\s*\\(?\\s*[\"']https?://[^\"']+");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void everyUiPageIsTheAppServedWithoutAToken() throws Exception {
        for (String path : List.of("/", "/ui/batches", "/ui/batch/synthplant:B-1?tab=genealogy", "/ui/ledger", "/graphiql")) {
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("<script type=\"module\"", "/assets/");
        }
    }

    @Test
    @Tag("REQ-SECURITY-010")
    void everyResponseCarriesAContentSecurityPolicyThatAdmitsOnlyTheHubAndTheRealmAndNoCorsHeaders()
            throws Exception {
        for (String path : List.of("/", "/ui/batches", "/graphiql", "/api/ui/config")) {
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Origin", "http://evil.example").build(), HttpResponse.BodyHandlers.ofString());
            String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'",
                    "connect-src 'self' http://localhost:8180", "object-src 'none'");
            assertThat(csp).as("no script from elsewhere, no eval").doesNotContain("unsafe-eval", "script-src 'self' http");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(page.headers().firstValue("Access-Control-Allow-Origin")).as("no CORS: the UI is same-origin")
                    .isEmpty();
        }
    }

    @Test
    void theUiLearnsItsRealmAndClientFromTheHub() throws Exception {
        HttpResponse<String> config = get("/api/ui/config");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("\"issuer\":\"" + TestTokens.ISSUER + "\"", "\"clientId\":\"ui-client\"",
                "\"keyNamespaces\":[\"synthplant\"");
    }

    @Test
    void noPageAndNoBuiltAssetLoadsAnythingFromOutsideTheHub() throws Exception {
        List<String> found = new ArrayList<>();
        for (String path : List.of("/", "/graphiql", "/ui/recall")) {
            found.addAll(externalLoads(path, get(path).body()));
        }
        Resource[] assets = new PathMatchingResourcePatternResolver().getResources("classpath*:META-INF/resources/**");
        int scanned = 0;
        for (Resource asset : assets) {
            String name = String.valueOf(asset.getURL());
            if (asset.isReadable() && name.matches(".*\\.(js|css|html)$")) {
                scanned++;
                found.addAll(externalLoads(name, asset.getContentAsString(StandardCharsets.UTF_8)));
                HttpResponse<String> served = get(name.substring(name.indexOf("META-INF/resources/") + 18));
                assertThat(served.statusCode()).as("served %s", name).isEqualTo(200);
            }
        }
        assertThat(scanned).as("built assets on the classpath").isGreaterThan(3);
        assertThat(found).isEmpty();
    }

    @Test
    void theDetectorFindsWhatItLooksFor() {
        assertThat(externalLoads("x", "<script src=\"https://cdn.example/x.js\"></script>")).hasSize(1);
        assertThat(externalLoads("x", "@import url(https://fonts.example/css)")).hasSize(1);
        assertThat(externalLoads("x", "a{background:url('http://img.example/a.png')}")).hasSize(1);
        assertThat(externalLoads("x", "import(\"https://esm.example/m.js\")")).hasSize(1);
        assertThat(externalLoads("x", "see https://react.dev/errors/ for details; xmlns=\"http://www.w3.org/2000/svg\"")).isEmpty();
    }

    private static List<String> externalLoads(String where, String text) {
        List<String> hits = new ArrayList<>();
        Matcher m = EXTERNAL_LOAD.matcher(text);
        while (m.find()) {
            String hit = m.group();
            if (!hit.contains("://localhost") && !hit.contains("://127.0.0.1")) {
                hits.add(where + ": " + hit);
            }
        }
        return hits;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
