package org.batchledger.hub.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL for the benchmark's peer: Debian's binaries, a fresh data directory under the temp dir,
 * loopback on a free port, stopped and deleted on close (and by a shutdown hook if the JVM exits first). PostgreSQL
 * refuses to run as root, so as root it runs as the {@code postgres} system user the Debian package creates (or
 * {@code nobody}), through {@code runuser}.
 */
final class LocalPostgres implements AutoCloseable {
    static final Path BIN = Path.of(System.getProperty("bench.pg.bin", "/usr/lib/postgresql/15/bin"));
    private final Path dir;
    private final int port;
    private final List<String> asUser;
    private final Thread hook;

    private LocalPostgres(Path dir, int port, List<String> asUser) {
        this.dir = dir;
        this.port = port;
        this.asUser = asUser;
        this.hook = new Thread(this::stop, "bench-postgres-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    static boolean installed() {
        return Files.isExecutable(BIN.resolve("pg_ctl")) && Files.isExecutable(BIN.resolve("initdb"));
    }

    static String version() throws IOException, InterruptedException {
        return run(List.of(), BIN.resolve("postgres").toString(), "--version").strip();
    }

    /** initdb + start; settings a DBA would give a read benchmark (JIT off: it only adds compile time here). */
    static LocalPostgres start() throws IOException, InterruptedException {
        List<String> asUser = asUser();
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "bench-pg-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        if (!asUser.isEmpty()) {
            run(List.of(), "chown", asUser.get(2) + ":", dir.toString());
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        LocalPostgres pg = new LocalPostgres(dir, port, asUser);
        Path data = dir.resolve("data");
        run(asUser, BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", "bench", "-A", "trust", "-E", "UTF8",
                "--no-sync", "--locale=C");
        run(asUser, BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-l", dir.resolve("log").toString(),
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c shared_buffers=1GB "
                        + "-c work_mem=64MB -c jit=off -c fsync=off -c synchronous_commit=off", "start");
        return pg;
    }

    private static List<String> asUser() throws IOException, InterruptedException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return List.of();
        }
        String user = run(List.of(), "getent", "passwd", "postgres").isBlank() ? "nobody" : "postgres";
        return List.of("runuser", "-u", user, "--");
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "bench", "");
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or ran: nothing to remove
        }
    }

    private synchronized void stop() {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            run(asUser, BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w",
                    "stop");
        } catch (IOException | InterruptedException | IllegalStateException e) {
            System.err.println("bench: could not stop PostgreSQL in " + dir + ": " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("bench: could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static String run(List<String> prefix, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(prefix);
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(line + " did not finish in 120 s");
        }
        if (p.exitValue() != 0 && !line.contains("getent")) {
            throw new IllegalStateException(line + " exited " + p.exitValue() + ": " + out.strip());
        }
        return out;
    }
}
