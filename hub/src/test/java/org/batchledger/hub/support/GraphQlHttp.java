package org.batchledger.hub.support;

import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Real HTTP requests to the hub's /graphql, as a client would send them. */
public final class GraphQlHttp {
    // Json.createXxx looks the provider up (ServiceLoader) on every call; benchmarks time this client too
    private static final JsonProvider JSON = JsonProvider.provider();
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;

    public GraphQlHttp(int port) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/graphql");
    }

    public record Response(int status, JsonObject body, java.net.http.HttpHeaders headers) {
        public JsonValue at(String pointer) {
            return JSON.createPointer(pointer).getValue(body);
        }

        public String errorClass() {
            return body.getJsonArray("errors").getJsonObject(0).getJsonObject("extensions").getString("classification");
        }

        public boolean hasErrors() {
            return body != null && body.containsKey("errors");
        }
    }

    public Response post(String token, String query) {
        return post(token, query, Map.of());
    }

    public Response post(String token, String query, Map<String, String> variables) {
        return post(token, query, variables, Map.of(), null);
    }

    /** With typed variables (numbers, lists, objects). */
    public Response post(String token, String query, JsonObject variables) {
        return send(token, JSON.createObjectBuilder().add("query", query).add("variables", variables), Map.of());
    }

    /** With extra HTTP headers and a request {@code extensions} object (null: none). */
    public Response post(String token, String query, Map<String, String> variables, Map<String, String> headers,
                         JsonObject extensions) {
        JsonObjectBuilder vars = JSON.createObjectBuilder();
        variables.forEach(vars::add);
        JsonObjectBuilder body = JSON.createObjectBuilder().add("query", query).add("variables", vars);
        if (extensions != null) {
            body.add("extensions", extensions);
        }
        return send(token, body, headers);
    }

    private Response send(String token, JsonObjectBuilder body, Map<String, String> headers) {
        return sendRaw(token, body.build().toString(), headers);
    }

    /** A body sent exactly as given (e.g. oversized, or not JSON). */
    public Response sendRaw(String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonObject json = r.body().isBlank() ? null : JSON.createReader(new StringReader(r.body())).readObject();
            return new Response(r.statusCode(), json, r.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
