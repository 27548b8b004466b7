package org.batchledger.validation.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.batchledger.validation.results.TestResults;

/**
 * Where the tests ran and what of: the commit and whether the tree was dirty (from git, "unknown" without it), the JDK
 * and OS the test reports state (else this JVM's), and the Neo4j and Keycloak versions the parent pom pins.
 */
public record Environment(String commit, String dirty, Map<String, String> facts) {
    static final String UNKNOWN = "unknown";

    public static Environment of(Path root, TestResults results) {
        Map<String, String> facts = new TreeMap<>();
        facts.put("JDK (tests)", results.infrastructure("javaVersion").orElse(System.getProperty("java.version")));
        facts.put("OS (tests)", results.infrastructure("operatingSystem").orElse(System.getProperty("os.name")));
        Map<String, String> pom = pomProperties(root.resolve("pom.xml"));
        facts.put("Neo4j", pom.getOrDefault("neo4j-embedded.version", UNKNOWN));
        facts.put("Keycloak", pom.getOrDefault("keycloak.version", UNKNOWN));
        facts.put("Spring Boot", pom.getOrDefault("parent.version", UNKNOWN));
        Optional<String> commit = git(root, "rev-parse", "HEAD");
        String dirty = commit.isEmpty() ? UNKNOWN
                : git(root, "status", "--porcelain").map(s -> s.isBlank() ? "no" : "yes").orElse(UNKNOWN);
        return new Environment(commit.orElse(UNKNOWN), dirty, Map.copyOf(facts));
    }

    /** The parent pom's properties, and its parent's version as {@code parent.version}. */
    static Map<String, String> pomProperties(Path pom) {
        Map<String, String> props = new TreeMap<>();
        if (!Files.isRegularFile(pom)) {
            return props;
        }
        try (InputStream in = Files.newInputStream(pom)) {
            XMLInputFactory f = XMLInputFactory.newFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader xml = f.createXMLStreamReader(in);
            List<String> path = new ArrayList<>();
            while (xml.hasNext()) {
                int e = xml.next();
                if (e == XMLStreamReader.START_ELEMENT) {
                    path.add(xml.getLocalName());
                    String p = String.join("/", path);
                    if (p.startsWith("project/properties/") && path.size() == 3) {
                        props.put(xml.getLocalName(), xml.getElementText().strip());
                        path.removeLast();
                    } else if (p.equals("project/parent/version")) {
                        props.put("parent.version", xml.getElementText().strip());
                        path.removeLast();
                    }
                } else if (e == XMLStreamReader.END_ELEMENT) {
                    path.removeLast();
                }
            }
            return props;
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException(pom + ":" + (e.getLocation() == null ? 0
                    : e.getLocation().getLineNumber()) + ": not a readable pom: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pom, e);
        }
    }

    /** A git command's output in {@code root}; empty when git is missing or the folder is no repository. */
    static Optional<String> git(Path root, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", root.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return Optional.empty();
            }
            return Optional.of(new String(out, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
