package org.batchledger.witness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * The client side of C2SP {@code tlog-witness} {@code add-checkpoint}, beside the witness it talks to: one POST of
 * {@code old <size>}, the consistency proof lines, an empty line and the signed note, answered by cosignature
 * lines (200), the size the witness holds (409) or a refusal. Nothing here trusts the answer: the caller verifies
 * cosignatures with the witness's key.
 */
public final class WitnessClient {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** What a witness answered. */
    public sealed interface Answer {
    }

    /** 200: the response body, one or more note signature lines. */
    public record Cosigned(String lines) implements Answer {
    }

    /** 409: the size the witness last cosigned, or -1 if its answer did not say. */
    public record Conflict(long witnessSize) implements Answer {
    }

    /** Any other status, with the first line of the witness's reason. */
    public record Refused(int status, String reason) implements Answer {
    }

    /** No answer: connection refused, timeout, interrupted. */
    public record Unreachable(String reason) implements Answer {
    }

    private final HttpClient http;

    public WitnessClient(HttpClient http) {
        this.http = http;
    }

    /** Submits {@code note} with the consistency proof from {@code oldSize} to the witness at its prefix. */
    public Answer addCheckpoint(URI submissionPrefix, long oldSize, List<byte[]> proof, String note) {
        StringBuilder body = new StringBuilder("old ").append(oldSize).append('\n');
        proof.forEach(hash -> body.append(Base64.getEncoder().encodeToString(hash)).append('\n'));
        body.append('\n').append(note);
        HttpRequest request = HttpRequest.newBuilder(endpoint(submissionPrefix)).timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Unreachable(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                    + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unreachable("interrupted");
        }
        return switch (response.statusCode()) {
            case 200 -> new Cosigned(response.body());
            case 409 -> new Conflict(size(response.body()));
            default -> new Refused(response.statusCode(), firstLine(response.body()));
        };
    }

    private static URI endpoint(URI prefix) {
        String text = prefix.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + "/add-checkpoint");
    }

    private static long size(String body) {
        String text = body == null ? "" : body.strip();
        return text.matches("0|[1-9][0-9]{0,18}") ? Long.parseLong(text) : -1;
    }

    private static String firstLine(String body) {
        String text = body == null ? "" : body.strip();
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
