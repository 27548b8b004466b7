package org.batchledger.hub.faults;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.batchledger.hub.support.GraphQlHttp;

/** A client of one hub process: GraphQL, and {@code POST /api/ingest} as a multipart upload (as any integration). */
final class HubClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final int port;
    private final GraphQlHttp graphql;

    HubClient(int port) {
        this.port = port;
        this.graphql = new GraphQlHttp(port);
    }

    GraphQlHttp.Response graphql(String token, String query) {
        return graphql.post(token, query);
    }

    /** The data of a query that must succeed. */
    JsonObject data(String token, String query) {
        GraphQlHttp.Response r = graphql.post(token, query);
        if (r.status() != 200 || r.hasErrors()) {
            throw new IllegalStateException("HTTP " + r.status() + ": " + r.body());
        }
        return r.body().getJsonObject("data");
    }

    /** The hub's answer to one upload: HTTP status and the report (null when the body is not JSON). */
    record Ingested(int status, JsonObject report) {
        String state() {
            return report == null ? "HTTP " + status : report.getString("status");
        }

        boolean duplicate() {
            return report != null && report.getBoolean("duplicate", false);
        }
    }

    Ingested ingest(String token, String fileName, byte[] content) throws IOException, InterruptedException {
        String boundary = "----faults" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ingest"))
                .timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail))).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonObject report = r.body().startsWith("{") ? Json.createReader(new StringReader(r.body())).readObject() : null;
        return new Ingested(r.statusCode(), report);
    }
}
