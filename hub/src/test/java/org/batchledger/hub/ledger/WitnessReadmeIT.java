package org.batchledger.hub.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.batchledger.hub.support.HubTestBase;
import org.batchledger.lineage.ledger.proof.HubKeys;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.WriteRequest;
import org.batchledger.verifier.proof.Cosignature;
import org.batchledger.verifier.proof.NoteVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * The README's witness command, run as written (the verifier jar as a separate process: QA's witness and a second
 * site's, on loopback with free ports), and the README's hub configuration with their URLs and printed keys: the
 * hub submits its checkpoint to both, serves the note with both cosignatures, and verification with the README's
 * quorum passes.
 */
@Tag("REQ-EVIDENCE-005")
@Tag("REQ-EVIDENCE-025")
@Tag("REQ-EVIDENCE-027")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WitnessReadmeIT extends HubTestBase {
    private static final String ORIGIN = "batchledger.hub/ledger";
    private static final List<Process> PROCESSES = new ArrayList<>();
    private static final List<String> KEYS = new ArrayList<>();

    @DynamicPropertySource
    static void witnesses(DynamicPropertyRegistry registry) throws Exception {
        // the hub's key, created as the hub would at start, so the witnesses can be told it before the hub runs
        String hubKey = HubKeys.loadOrCreate(dataDir().resolve("keys"), ORIGIN).verifierKey();
        List<String> command = readmeCommand();
        List<String> urls = new ArrayList<>();
        for (String site : List.of("qa", "other-site")) {
            String[] started = start(command, hubKey, site);
            KEYS.add(started[0]);
            urls.add(started[1]);
        }
        Map<String, Object> config = readmeConfig();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> witnesses = (List<Map<String, Object>>) config.get("witnesses");
        assertThat(witnesses).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(witnesses.get(i)).containsOnlyKeys("url", "key");
            String url = urls.get(i);
            String key = KEYS.get(i);
            registry.add("batchledger.ledger.witnesses[" + i + "].url", () -> url);
            registry.add("batchledger.ledger.witnesses[" + i + "].key", () -> key);
        }
        registry.add("batchledger.ledger.witnesses-required", () -> config.get("witnesses-required").toString());
        registry.add("batchledger.ledger.witness-retry", () -> "1h");
        registry.add("management.endpoint.health.show-details", () -> "always");
    }

    @AfterAll
    static void stopWitnesses() {
        PROCESSES.forEach(Process::destroy);
    }

    @Test
    void bothWitnessesCosignTheHubsCheckpointAndTheServedNoteCarriesTheirCosignatures() throws Exception {
        cleanLedger();
        NEO4J.writer().write(WriteRequest.of(SmallPlant.step(""), SmallPlant.OPERATOR, "batch record"));
        List<Cosignature.Witness> trusted = KEYS.stream().map(Cosignature.Witness::of).toList();

        String note = servedNote();
        for (int i = 0; i < 50 && !Cosignature.quorum(note, trusted, 2).met(); i++) {
            Thread.sleep(200); // the hub submits in the background
            note = servedNote();
        }
        assertThat(Cosignature.quorum(note, trusted, 2).describe()).startsWith("2 of 2 witnesses cosigned");
        String hubKey = HubKeys.loadOrCreate(dataDir().resolve("keys"), ORIGIN).verifierKey();
        assertThat(NoteVerifier.of(hubKey).verifyCheckpoint(note).value().treeSize()).isEqualTo(7);
        assertThat(graphql().post(inspector(), "{ ledgerCheckpoint { note } }")
                .at("/data/ledgerCheckpoint/note").toString()).contains(trusted.get(1).name());
        String health = get("/actuator/health/ledgerWitnesses", null);
        assertThat(health).contains("\"status\":\"UP\"").contains("\"newestCheckpoint\":7")
                .contains("2 of 2 witnesses cosigned, 1 required").contains("\"lastError\":\"none\"");
        var verification = graphql().post(inspector(), "{ verifyLedger { ok problems } }");
        assertThat(verification.at("/data/verifyLedger/ok").toString()).as("%s", verification.body())
                .isEqualTo("true");
    }

    private String servedNote() throws Exception {
        return get("/ledger/checkpoint", inspector());
    }

    private String get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
        return response.body();
    }

    private static String readme() throws IOException {
        return Files.readString(Path.of("..", "README.md"));
    }

    private static String block(String mark, String fence) throws IOException {
        String readme = readme();
        int at = readme.indexOf(mark);
        assertThat(at).as("README marks %s", mark).isPositive();
        int start = readme.indexOf(fence, at) + fence.length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readmeConfig() throws IOException {
        Map<String, Object> yaml = new Yaml().load(block("<!-- witness-hub-config -->", "```yaml"));
        return (Map<String, Object>) ((Map<String, Object>) yaml.get("batchledger")).get("ledger");
    }

    /** The README's command as words: continuation lines joined, single quotes honoured. */
    private static List<String> readmeCommand() throws IOException {
        String text = block("<!-- witness-example -->", "```sh").replace("\\\n", " ").strip();
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (char c : text.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                inWord = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Runs the command for one site in its own directory; returns the printed key and the submission URL. */
    private static String[] start(List<String> readme, String hubKey, String site) throws IOException {
        Path directory = Files.createTempDirectory(dataDir(), "witness-" + site + "-");
        List<String> command = new ArrayList<>();
        for (int i = 0; i < readme.size(); i++) {
            String word = readme.get(i);
            String previous = i == 0 ? "" : readme.get(i - 1);
            command.add(switch (previous) {
                case "--listen" -> "127.0.0.1:0"; // a free port instead of the README's fixed one
                case "--name" -> word.replace("qa.example", site + ".example");
                case "--log" -> word.replace("<publicKey>", hubKey);
                default -> word.equals("java") ? Path.of(System.getProperty("java.home"), "bin", "java").toString()
                        : word.contains("*.jar") ? jar(word) : word;
            });
        }
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectError(directory.resolve("stderr.txt").toFile()).start();
        PROCESSES.add(process);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String keyLine = out.readLine();
        String listening = out.readLine();
        assertThat(listening).as("the witness started: %s", Files.readString(directory.resolve("stderr.txt")))
                .isNotNull();
        assertThat(keyLine).startsWith("witness key " + site + ".example/witness+");
        assertThat(listening).startsWith("witness listening on http://127.0.0.1:").endsWith("/add-checkpoint");
        return new String[] {keyLine.substring("witness key ".length()),
                listening.substring("witness listening on ".length(), listening.length() - "/add-checkpoint".length())};
    }

    private static String jar(String pattern) {
        Path relative = Path.of("..").resolve(pattern);
        String glob = relative.getFileName().toString();
        try (Stream<Path> files = Files.list(relative.getParent())) {
            return files.filter(f -> f.getFileSystem().getPathMatcher("glob:" + glob).matches(f.getFileName()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no " + pattern + "; build the verifier"))
                    .toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
