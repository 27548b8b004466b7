package org.batchledger.witness;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.batchledger.verifier.proof.Checked;
import org.batchledger.verifier.proof.NoteVerifier;

/**
 * {@code witness --listen HOST:PORT --state DIR --key FILE [--name NAME] --log ORIGIN=VKEY [--log …]}: loads (or, with
 * {@code --name}, creates) the witness key, opens each log's state, serves {@code POST /add-checkpoint} and prints
 * its verifier key. Exit status 2 for bad usage or a state or key it cannot trust; otherwise it runs until stopped.
 */
public final class WitnessCommand {
    static final String USAGE = "usage: witness --listen HOST:PORT --state DIR --key FILE [--name NAME] "
            + "--log ORIGIN=VKEY [--log ORIGIN=VKEY ...]";

    private WitnessCommand() {
    }

    /** A witness serving in this process, as tests and the command hold it. */
    public static final class Running implements AutoCloseable {
        private final WitnessServer server;
        private final String verifierKey;

        private Running(WitnessServer server, String verifierKey) {
            this.server = server;
            this.verifierKey = verifierKey;
        }

        /** The submission prefix, e.g. {@code http://127.0.0.1:40123}; submissions go to its {@code /add-checkpoint}. */
        public URI url() {
            InetSocketAddress a = server.address();
            return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort());
        }

        /** The witness's verifier key, {@code <name>+<hex key id>+<base64(0x04 ‖ key)>}. */
        public String verifierKey() {
            return verifierKey;
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /** Runs the command until the process is stopped; returns only on a usage or start error. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        // The JDK server's own limits, unless the operator set them: a client that sends a request slowly (or
        // never reads the answer) is cut off instead of holding one of the few threads forever.
        setIfAbsent("sun.net.httpserver.maxReqTime", "30");
        setIfAbsent("sun.net.httpserver.maxRspTime", "30");
        Running running;
        try {
            running = start(List.of(args), err);
        } catch (WitnessConfigException e) {
            err.println("witness: " + e.getMessage());
            return 2;
        }
        out.println("witness key " + running.verifierKey());
        out.println("witness listening on " + running.url() + WitnessServer.PATH);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /** Starts a witness with the command's arguments; rejections are logged to {@code err}. */
    public static Running start(List<String> args, PrintStream err) {
        Options options = Options.parse(args);
        WitnessKey key = WitnessKey.loadOrCreate(options.key(), options.name());
        LogState.removeLeftovers(options.state());
        Map<String, LogState> states = new LinkedHashMap<>();
        options.logs().keySet().forEach(origin -> states.put(origin, LogState.open(options.state(), origin)));
        Clock clock = Clock.systemUTC();
        Witness witness = new Witness(key, options.logs(), states, () -> clock.instant().getEpochSecond(),
                err::println);
        try {
            return new Running(WitnessServer.start(options.listen(), witness), key.verifierKey());
        } catch (IOException e) {
            throw new WitnessConfigException("cannot listen on " + options.listen() + ": " + e.getMessage());
        }
    }

    record Options(InetSocketAddress listen, Path state, Path key, String name, Map<String, NoteVerifier> logs) {
        static Options parse(List<String> args) {
            InetSocketAddress listen = null;
            Path state = null;
            Path key = null;
            String name = null;
            Map<String, NoteVerifier> logs = new LinkedHashMap<>();
            for (int i = 0; i < args.size(); i += 2) {
                String option = args.get(i);
                if (i + 1 >= args.size()) {
                    throw new WitnessConfigException(option + " needs a value; " + USAGE);
                }
                String value = args.get(i + 1);
                switch (option) {
                    case "--listen" -> listen = address(value);
                    case "--state" -> state = Path.of(value);
                    case "--key" -> key = Path.of(value);
                    case "--name" -> name = value;
                    case "--log" -> addLog(logs, value);
                    default -> throw new WitnessConfigException("unknown option " + option + "; " + USAGE);
                }
            }
            if (listen == null || state == null || key == null || logs.isEmpty()) {
                throw new WitnessConfigException(USAGE);
            }
            return new Options(listen, state, key, name, Map.copyOf(logs));
        }

        private static void addLog(Map<String, NoteVerifier> logs, String value) {
            int equals = value.indexOf('=');
            if (equals <= 0) {
                throw new WitnessConfigException("--log takes ORIGIN=VKEY, got " + value);
            }
            String origin = value.substring(0, equals);
            Checked<NoteVerifier> verifier = NoteVerifier.parse(value.substring(equals + 1));
            if (!verifier.ok()) {
                throw new WitnessConfigException("--log " + origin + ": " + verifier.reason());
            }
            if (logs.put(origin, verifier.value()) != null) {
                throw new WitnessConfigException("--log " + origin + " is given twice");
            }
        }

        // Bind only where told: an explicit host, never a wildcard chosen for the operator.
        private static InetSocketAddress address(String value) {
            int colon = value.lastIndexOf(':');
            try {
                String host = value.substring(0, Math.max(colon, 0)).replaceAll("^\\[|]$", "");
                int port = Integer.parseInt(value.substring(colon + 1));
                if (colon <= 0 || port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
                return new InetSocketAddress(host, port);
            } catch (NumberFormatException e) {
                throw new WitnessConfigException("--listen takes HOST:PORT (port 0 picks a free one), got " + value);
            }
        }
    }
}
