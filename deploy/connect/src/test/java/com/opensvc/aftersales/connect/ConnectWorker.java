package com.opensvc.aftersales.connect;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.distributed.DistributedHerder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Kafka Connect worker in distributed mode ({@code connect-distributed.sh}'s own {@link ConnectDistributed}),
 * in this JVM, and a small client of its REST API - the API Strimzi's operator drives from KafkaConnector resources.
 */
final class ConnectWorker implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Connect<DistributedHerder> connect;
    private final URI rest;

    private ConnectWorker(Connect<DistributedHerder> connect, URI rest) {
        this.connect = connect;
        this.rest = rest;
    }

    /** Starts the worker and waits until its REST API answers. */
    static ConnectWorker start(Map<String, String> workerConfig) throws InterruptedException {
        Connect<DistributedHerder> connect = new ConnectDistributed().startConnect(workerConfig);
        URI rest = connect.rest().serverUrl();
        ConnectWorker worker = new ConnectWorker(connect, rest);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (worker.call("GET", "/", null).statusCode() == 200) {
                    return worker;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        worker.close();
        throw new IllegalStateException("the Connect worker's REST API did not answer within 120 s");
    }

    URI rest() {
        return rest;
    }

    HttpResponse<String> call(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(rest.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(String method, String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = call(method, path, body);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Waits until the connector and every task run; fails fast with the trace when one failed. */
    void awaitRunning(String connector, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = call("GET", "/connectors/" + connector + "/status", null);
            last = response.body();
            if (response.statusCode() == 200) {
                JsonNode status = JSON.readTree(response.body());
                boolean running = "RUNNING".equals(status.path("connector").path("state").asString());
                boolean tasks = !status.path("tasks").isEmpty();
                for (JsonNode task : status.path("tasks")) {
                    if ("FAILED".equals(task.path("state").asString())) {
                        throw new IllegalStateException(connector + "'s task failed: " + task.path("trace").asString());
                    }
                    tasks &= "RUNNING".equals(task.path("state").asString());
                }
                if (running && tasks) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(connector + " is not running after " + timeout + ": " + last);
    }

    @Override
    public void close() {
        connect.stop();
        connect.awaitStop();
    }
}
