package com.opensvc.aftersales.local;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Properties;

import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.json.JsonMapper;

/** A front-desk client of the running platform: tokens from the real issuer, calls through the gateway. */
final class PlatformClient {
    private final HttpClient http = HttpClient.newHttpClient();
    private final RestApi gateway;
    private final int gatewayPort;
    private final String issuer;
    private final Properties secrets = new Properties();
    private java.util.Map<String, Integer> servicePorts = java.util.Map.of();
    /** The issuer's data directory (its signing key), for tests that forge tokens; set by {@link RunningPlatform}. */
    Path issuerDataDir;

    PlatformClient(int gatewayPort, int issuerPort, Path clientsFile) throws IOException {
        this.gateway = new RestApi(gatewayPort);
        this.gatewayPort = gatewayPort;
        this.issuer = "http://localhost:" + issuerPort;
        try (Reader in = Files.newBufferedReader(clientsFile)) {
            secrets.load(in);
        }
    }

    /** client_credentials grant of the issuer, exactly as the README's curl does it. */
    String token(String clientId) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secrets.getProperty(clientId))
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token for " + clientId + ": " + response.statusCode() + " " + response.body());
        }
        return JsonMapper.builder().build().readTree(response.body()).get("access_token").asString();
    }

    int gatewayPort() {
        return gatewayPort;
    }

    String issuerUri() {
        return issuer;
    }

    RestApi.Response get(String path, String token) {
        return gateway.get(path, token);
    }

    RestApi.Response post(String path, Object body, String token) {
        return gateway.post(path, body, token);
    }

    RestApi.Response post(String path, Object body, String token, java.util.Map<String, String> headers) {
        return gateway.post(path, body, token, headers);
    }

    RestApi.Response postBytes(String path, byte[] body, String contentType, String token) {
        return gateway.postBytes(path, body, contentType, token);
    }

    /** Raw bytes of a GET through the gateway (an OpenAPI document, the Swagger UI's page). */
    RestApi.Download download(String path, String token, String accept) {
        return gateway.download(path, token, accept);
    }

    RestApi.Response put(String path, Object body, String token) {
        return gateway.put(path, body, token, java.util.Map.of());
    }

    RestApi.Response put(String path, Object body, String token, java.util.Map<String, String> headers) {
        return gateway.put(path, body, token, headers);
    }

    /** Each service's own port (its OpenAPI document is served there, not through the gateway). */
    java.util.Map<String, Integer> servicePorts() {
        return servicePorts;
    }

    void servicePorts(java.util.Map<String, Integer> ports) {
        this.servicePorts = java.util.Map.copyOf(ports);
    }
}
