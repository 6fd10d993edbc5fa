package com.opensvc.aftersales.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drives a service's REST API over real HTTP with real bearer tokens, the way the gateway forwards calls. */
public final class RestApi {
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String baseUrl;

    public RestApi(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    public record Response(int status, JsonNode body, java.net.http.HttpHeaders headers) {
        /** A response header's first value, or null (e.g. {@code ETag}, {@code Location}). */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** A token from the test issuer for {@code subject} with the given SEC-01 roles. */
    public static String token(String subject, String... roles) {
        try {
            return SharedInfrastructure.get().issuer().token(subject, roles);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path, String token) {
        return send(request(path, token, Map.of()).GET());
    }

    public Response post(String path, Object body, String token) {
        return post(path, body, token, Map.of());
    }

    /** {@code body} is serialised to JSON unless it already is a String (to send malformed JSON on purpose). */
    public Response post(String path, Object body, String token, Map<String, String> headers) {
        String payload = body == null ? "" : body instanceof String s ? s : json.writeValueAsString(body);
        return send(request(path, token, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload)));
    }

    public Response put(String path, Object body, String token, Map<String, String> headers) {
        return send(request(path, token, headers).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    public Response delete(String path, String token) {
        return send(request(path, token, Map.of()).DELETE());
    }

    /** Posts raw bytes (a CSV or Excel upload) with the given content type. */
    public Response postBytes(String path, byte[] body, String contentType, String token) {
        return send(request(path, token, Map.of()).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A download: status, content type and the raw bytes (CSV, Excel). */
    public record Download(int status, String contentType, byte[] body) {
    }

    public Download download(String path, String token, String accept) {
        try {
            HttpResponse<byte[]> response = http.send(request(path, token, Map.of("Accept", accept)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String json(Object body) {
        return body == null ? "" : body instanceof String s ? s : json.writeValueAsString(body);
    }

    private HttpRequest.Builder request(String path, String token, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return request;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Response(response.statusCode(), body == null || body.isBlank() ? json.nullNode() : json.readTree(body),
                    response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
