package com.opensvc.aftersales.revisit;

import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.opensvc.aftersales.testkit.SharedInfrastructure;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drives a service's REST API over HTTP with real bearer tokens. */
public final class ServiceApi {
    private final RestClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    public ServiceApi(int port) {
        this.http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .build();
    }

    public record Response(int status, JsonNode body) {
    }

    public static String token(String subject, String... roles) {
        try {
            return SharedInfrastructure.get().issuer().token(subject, roles);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Response post(String path, Object body, String token, Map<String, String> headers) {
        var spec = http.post().uri(path).contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            spec.header("Authorization", "Bearer " + token);
        }
        headers.forEach(spec::header);
        if (body != null) {
            spec.body(body instanceof String s ? s : json.writeValueAsString(body));
        }
        return spec.exchange((req, res) -> new Response(res.getStatusCode().value(), read(res.bodyTo(String.class))));
    }

    public Response post(String path, Object body, String token) {
        return post(path, body, token, Map.of());
    }

    public Response get(String path, String token) {
        var spec = http.get().uri(path);
        if (token != null) {
            spec.header("Authorization", "Bearer " + token);
        }
        return spec.exchange((req, res) -> new Response(res.getStatusCode().value(), read(res.bodyTo(String.class))));
    }

    private JsonNode read(String body) {
        return body == null || body.isBlank() ? json.nullNode() : json.readTree(body);
    }
}
