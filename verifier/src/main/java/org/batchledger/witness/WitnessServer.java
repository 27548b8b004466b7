package org.batchledger.witness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code POST /add-checkpoint} over the JDK's HTTP server, bound only to the address it is given. Bodies are
 * bounded ({@value #MAX_BODY} bytes: 63 proof lines and a note with many signatures fit easily) and read before any
 * parsing; a few threads serve requests, and each log's lock in {@link Witness} serialises its submissions.
 */
final class WitnessServer implements AutoCloseable {
    static final int MAX_BODY = 64 * 1024;
    static final String PATH = "/add-checkpoint";
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;

    private WitnessServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static WitnessServer start(InetSocketAddress address, Witness witness) throws IOException {
        HttpServer server = HttpServer.create(address, 16);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "witness-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                handle(exchange, witness);
            }
        });
        server.start();
        return new WitnessServer(server, executor);
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    private static void handle(HttpExchange exchange, Witness witness) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(PATH)) {
            send(exchange, Witness.Response.text(404, "not found; the witness serves POST " + PATH));
        } else if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "POST");
            send(exchange, Witness.Response.text(405, PATH + " takes POST"));
        } else {
            byte[] body = readBounded(exchange);
            send(exchange, body == null ? Witness.Response.text(413, "the body exceeds " + MAX_BODY + " bytes")
                    : witness.addCheckpoint(body));
        }
    }

    /** The body, or null if it is longer than {@link #MAX_BODY} (by its declared length or by what arrives). */
    private static byte[] readBounded(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        try {
            if (declared != null && Long.parseLong(declared.strip()) > MAX_BODY) {
                return null;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            return body.length > MAX_BODY ? null : body;
        }
    }

    private static void send(HttpExchange exchange, Witness.Response response) throws IOException {
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.sendResponseHeaders(response.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
