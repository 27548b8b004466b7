package org.batchledger.hub.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.batchledger.hub.support.TestTokens;

/**
 * One hub process ({@link ChildHubMain}) on a free loopback port, against the Neo4j at {@code neo4jUri}, its tokens
 * checked against the test JWKS. Its output goes to {@code <dataDir>/../<name>.log} and is watched for lines.
 * {@link #kill()} is SIGKILL ({@link Process#destroyForcibly}); {@link #close()} kills whatever is left, so a test
 * that fails leaves no process behind.
 */
final class ChildHub implements AutoCloseable {
    private static final Duration START = Duration.ofMinutes(3);
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Path log;
    private final int port;

    private ChildHub(Process process, Path log) throws IOException, InterruptedException {
        this.process = process;
        this.log = log;
        Thread reader = new Thread(this::drain, "child-hub-output");
        reader.setDaemon(true);
        reader.start();
        String ready;
        try {
            ready = await("HUB-READY ", START);
        } catch (IllegalStateException e) {
            process.destroyForcibly();
            throw e;
        }
        this.port = Integer.parseInt(ready.substring("HUB-READY ".length()).trim());
    }

    // The hub fetches the realm's keys on the first token; on a loaded machine that first fetch can time out (a
    // 500), so one authenticated request must have gone through before a test counts anything.
    private ChildHub warmedUp(TestTokens tokens) throws InterruptedException {
        org.batchledger.hub.support.GraphQlHttp graphql = new org.batchledger.hub.support.GraphQlHttp(port);
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            try {
                var r = graphql.post(tokens.forUser("inspector", "inspector"), "{ __typename }");
                if (r.status() == 200 && !r.hasErrors()) {
                    return this;
                }
            } catch (IllegalStateException e) {
                // not answering yet
            }
            if (System.nanoTime() > until) {
                process.destroyForcibly();
                throw new IllegalStateException("the hub answered no authenticated request within 90 s: " + log);
            }
            Thread.sleep(500);
        }
    }

    /**
     * @param name     the hub instance's name (its {@code HOSTNAME}): a restart under the same name recovers the
     *                 ingest lease an earlier run of it left at once; two hubs at once need two names
     * @param systemProperties e.g. {@code faults.halt-at}
     */
    static ChildHub start(String name, String neo4jUri, Path dataDir, TestTokens tokens, Map<String, String> hubProperties,
                          Map<String, String> systemProperties, String heap) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ChildHubMain.class.getName(),
                "--server.port=0", "--server.address=127.0.0.1", "--batchledger.neo4j.uri=" + neo4jUri,
                "--batchledger.keycloak.issuer=" + TestTokens.ISSUER,
                "--batchledger.keycloak.jwk-set-uri=" + tokens.jwkSetUri(), "--batchledger.demo-plant.enabled=false",
                "--batchledger.data-dir=" + dataDir, "--spring.main.banner-mode=off"));
        hubProperties.forEach((k, v) -> command.add("--" + k + "=" + v));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("HOSTNAME", name);
        Files.createDirectories(dataDir);
        Path log = dataDir.resolveSibling(name + ".log");
        Process process = builder.start();
        // should this JVM end without closing it (a failed run, Ctrl-C), the hub ends with it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new ChildHub(process, log).warmedUp(tokens);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits for the first line {@code HUB-…} (from the start of the output) that starts with {@code prefix}. */
    String await(String prefix, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            int seen = 0;
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (lines.get(seen).startsWith(prefix)) {
                        return lines.get(seen);
                    }
                }
                long left = until - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && seen == lines.size() && drained)) {
                    throw new IllegalStateException("the hub printed no '" + prefix + "' (alive: " + process.isAlive()
                            + "; its output: " + log + ")");
                }
                TimeUnit.NANOSECONDS.timedWait(lines, Math.min(left, 200_000_000L));
            }
        }
    }

    /** Waits until the process has ended (as after a halt); its exit status. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the hub did not end within " + timeout);
        }
        return process.exitValue();
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook runs, nothing is flushed or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private volatile boolean drained;

    private void drain() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(Files.newBufferedWriter(log,
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.println(line);
                out.flush();
                if (line.startsWith("HUB-")) { // the rest only to the file: a soak logs for minutes
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone: nothing more to read
        } finally {
            drained = true;
            synchronized (lines) {
                lines.notifyAll();
            }
        }
    }
}
