package org.batchledger.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The unpacked Keycloak server distribution and the demo realm, located relative to the hub
 * module, and private copies of the distribution for individual servers.
 */
final class KeycloakDistribution {

    private static final String REALM_FILE = "config/keycloak/batchledger-realm.json";

    private final Path moduleDir;
    private final Path home;

    private KeycloakDistribution(Path moduleDir, Path home) {
        this.moduleDir = moduleDir;
        this.home = home;
    }

    /** Finds the distribution unpacked by {@code mvn process-test-resources}, or explains how to get it. */
    static KeycloakDistribution locate() {
        Path moduleDir = hubModuleDir();
        Path unpacked = moduleDir.resolve("target/keycloak");
        // The newest unpacked version is the one the current pom asked for.
        Path home = list(unpacked).filter(p -> p.getFileName().toString().startsWith("keycloak-"))
                .filter(p -> Files.isExecutable(p.resolve("bin/kc.sh")))
                .max(Comparator.comparing(KeycloakDistribution::lastModified))
                .orElseThrow(() -> new IllegalStateException("No Keycloak distribution under " + unpacked
                        + "; run mvn process-test-resources (for example: mvn -o -pl hub -am process-test-resources)"));
        return new KeycloakDistribution(moduleDir, home);
    }

    Path moduleDir() {
        return moduleDir;
    }

    Path realmFile() {
        return moduleDir.resolveSibling(REALM_FILE);
    }

    /**
     * Copies the distribution to {@code target}: Keycloak writes its build (lib/quarkus) and data
     * into its home, so servers must not share one. The jars under lib/lib are only read, so they
     * are linked, not copied.
     */
    Path copyTo(Path target) {
        if (Files.exists(target)) {
            delete(target); // left over from a JVM that was killed before it could clean up
        }
        try (Stream<Path> files = Files.walk(home)) {
            Path sharedJars = home.resolve("lib/lib");
            for (Path source : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(home.relativize(source).toString());
                if (source.startsWith(sharedJars)) {
                    if (source.equals(sharedJars)) {
                        Files.createSymbolicLink(copy, source);
                    }
                } else if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            Path imports = Files.createDirectories(target.resolve("data/import"));
            Files.copy(realmFile(), imports.resolve(realmFile().getFileName()));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy Keycloak from " + home + " to " + target, e);
        }
    }

    /** Deletes a private copy; the symbolic link to the shared jars is removed, not followed. */
    static void delete(Path copy) {
        try (Stream<Path> files = Files.walk(copy)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Surefire runs in the module directory; an IDE may run in the repository root. */
    private static Path hubModuleDir() {
        Path dir = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        return Files.isDirectory(dir.resolve("hub/src")) ? dir.resolve("hub") : dir;
    }

    private static Stream<Path> list(Path dir) {
        try {
            return Files.isDirectory(dir) ? Files.list(dir).toList().stream() : Stream.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lastModified(Path path) {
        return path.toFile().lastModified();
    }
}
