package org.batchledger.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A small project tree written by a test: files, the shared OTR fixture, and git commits. */
public final class TestProject {
    /** The fixture's requirement IDs; kept here so that test classes name only the project's real requirements. */
    public static final String A = "REQ-A-001";
    public static final String B = "REQ-B-002";
    public static final String C = "REQ-C-003";
    public static final String D = "REQ-D-004";
    public static final String UNKNOWN = "REQ-X-404";
    public static final String NONE = "REQ-Z-999";
    public static final String REQUIREMENTS = """
            - id: REQ-A-001
              statement: A does a.
              intendedUse: users do a.
              risk: high
              riskReason: a wrong a hurts.
              assurance: scripted-test
              clauses: ["21 CFR 11.10(a)", "ALCOA+ Accurate"]
              touches: [app/src/main/java/a/**, schema/src/main/resources/graphql/**]
            - id: REQ-B-002
              statement: B does b.
              intendedUse: users do b.
              risk: not-high
              riskReason: b is cosmetic.
              assurance: scripted-test
              clauses: ["EU Annex 11 §4"]
              touches: [org.example.b, "**/CorrectionRules.java"]
            - id: REQ-C-003
              statement: C does c.
              intendedUse: users do c.
              risk: not-high
              riskReason: c is cosmetic.
              assurance: unscripted-exploratory
              rationale: checked by hand at each release.
              clauses: ["EU Annex 11 §4"]
            - id: REQ-D-004
              status: planned
              statement: D will do d.
              intendedUse: users will do d.
              risk: high
              riskReason: d matters.
              assurance: scripted-test
              clauses: ["21 CFR 11.50"]
            """;
    public static final String CLAUSES = """
            - clause: "21 CFR 11.10(a)"
              topic: validation
              features: [a]
              requirements: [REQ-A-001]
            - clause: "21 CFR 11.10(i)"
              topic: training
              requirements: []
              userProcedures: the user's training records.
            """;
    public static final String POM = """
            <project><modelVersion>4.0.0</modelVersion>
              <parent><groupId>g</groupId><artifactId>p</artifactId><version>4.0.7</version></parent>
              <properties><neo4j-embedded.version>2026.08.1</neo4j-embedded.version>
                <keycloak.version>26.5.6</keycloak.version></properties>
              <dependencies><dependency><groupId>org.x</groupId><artifactId>lib</artifactId><version>1.0</version>
              </dependency></dependencies>
            </project>
            """;

    private final Path root;

    public TestProject(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Requirements, clauses, a root pom and module {@code app} with the OTR fixture as its Surefire report. */
    public TestProject standard() {
        write("requirements/features.yaml", REQUIREMENTS);
        write("requirements/clauses.yaml", CLAUSES);
        write("pom.xml", POM);
        write("app/pom.xml", "<project/>");
        copyResource("/otr/open-test-report.xml", "app/target/surefire-reports/open-test-report.xml");
        return this;
    }

    public TestProject write(String path, String text) {
        try {
            Path p = root.resolve(path);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestProject copyResource(String resource, String path) {
        try (InputStream in = TestProject.class.getResourceAsStream(resource)) {
            Path p = root.resolve(path);
            Files.createDirectories(p.getParent());
            Files.write(p, in.readAllBytes());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestProject gitInit() {
        git("init", "-q", "-b", "main");
        git("config", "user.email", "test@example.org");
        git("config", "user.name", "Test");
        git("config", "commit.gpgsign", "false");
        return this;
    }

    public TestProject commit(String message) {
        git("add", "-A");
        git("commit", "-q", "-m", message);
        return this;
    }

    public String git(String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", root.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
