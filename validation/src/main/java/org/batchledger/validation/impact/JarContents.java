package org.batchledger.validation.impact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * What a built hub jar (Spring Boot layout) holds, in the repository's terms: each class and resource of the hub's own
 * modules as the source path it was built from ({@code BOOT-INF/classes} is the hub, {@code BOOT-INF/lib/<module>-*.jar}
 * the others, the proof kernel {@code verifier} included) with the SHA-256 of its bytes, the SDL files, the
 * third-party libraries by name and version, and the nested jars of schema and lineage-graph to read the
 * correction-rule table from.
 */
final class JarContents {
    static final Set<String> MODULES = Set.of("verifier", "schema", "synthplant", "lineage-graph", "ingest-adapters",
            "ui-client", "hub");
    private static final Pattern LIBRARY = Pattern.compile("BOOT-INF/lib/(.+?)-(\\d[^/]*)\\.jar");
    private static final String RULES_CLASS = "org.batchledger.lineage.write.CorrectionRules";

    final String sha256;
    final Map<String, String> files = new TreeMap<>();
    final Map<String, String> sdl = new TreeMap<>();
    final Map<String, String> libraries = new TreeMap<>();
    private final Map<String, byte[]> moduleJars = new TreeMap<>();

    private JarContents(String sha256) {
        this.sha256 = sha256;
    }

    static JarContents read(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no jar at " + jar);
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            JarContents c = new JarContents(sha256(Files.readAllBytes(jar)));
            for (ZipEntry e : zip.stream().filter(e -> !e.isDirectory()).toList()) {
                String name = e.getName();
                if (name.startsWith("BOOT-INF/classes/")) {
                    try (InputStream in = zip.getInputStream(e)) {
                        c.add("hub", name.substring("BOOT-INF/classes/".length()), in.readAllBytes());
                    }
                } else if (name.startsWith("BOOT-INF/lib/")) {
                    Matcher m = LIBRARY.matcher(name);
                    String artifact = m.matches() ? m.group(1) : name.substring("BOOT-INF/lib/".length());
                    if (MODULES.contains(artifact)) {
                        try (InputStream in = zip.getInputStream(e)) {
                            c.module(artifact, in.readAllBytes());
                        }
                    } else {
                        c.libraries.put(artifact, m.matches() ? m.group(2) : "?");
                    }
                }
            }
            if (c.files.isEmpty()) {
                throw new IllegalArgumentException(jar + " is not a built hub jar (no BOOT-INF/classes or module jars)");
            }
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    private void module(String module, byte[] jar) throws IOException {
        moduleJars.put(module, jar);
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(jar))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (!e.isDirectory()) {
                    add(module, e.getName(), in.readAllBytes());
                }
            }
        }
    }

    private void add(String module, String entry, byte[] bytes) {
        if (entry.startsWith("META-INF/MANIFEST.MF") || entry.startsWith("META-INF/maven/")) {
            return; // build bookkeeping (timestamps, pom copies), not behaviour
        }
        String source;
        if (entry.endsWith(".class")) {
            String outer = entry.substring(0, entry.length() - ".class".length()).replaceFirst("\\$.*", "");
            source = module + "/src/main/java/" + outer + ".java";
        } else {
            source = module + "/src/main/resources/" + entry;
            if (module.equals("schema") && entry.startsWith("graphql/") && entry.endsWith(".graphqls")) {
                sdl.put(source, new String(bytes, StandardCharsets.UTF_8));
            }
        }
        // several classes (nested ones) map to one source file: combine their hashes in entry order
        files.merge(source, sha256(bytes), (a, b) -> sha256((a + b).getBytes(StandardCharsets.UTF_8)));
    }

    /** The correction-rule table of this version, read by running its own {@code CorrectionRules.table()}. */
    Optional<List<String>> rules(List<String> notes, String label) {
        if (!moduleJars.containsKey("schema") || !moduleJars.containsKey("lineage-graph")) {
            notes.add(label + " holds no schema and lineage-graph jars");
            return Optional.empty();
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("change-impact");
            List<URL> urls = new ArrayList<>();
            for (Map.Entry<String, byte[]> e : moduleJars.entrySet()) {
                Path f = dir.resolve(e.getKey() + ".jar");
                Files.write(f, e.getValue());
                urls.add(f.toUri().toURL());
            }
            try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
                    ClassLoader.getPlatformClassLoader())) {
                Object table = Class.forName(RULES_CLASS, true, loader).getMethod("table").invoke(null);
                return Optional.of(((List<?>) table).stream().map(String::valueOf).toList());
            }
        } catch (NoSuchMethodException e) {
            notes.add(label + ": CorrectionRules has no table() (a version before the export)");
        } catch (ReflectiveOperationException | LinkageError e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            notes.add(label + ": the correction rules could not be read (" + cause + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the module jars of " + label, e);
        } finally {
            deleteQuietly(dir);
        }
        return Optional.empty();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
