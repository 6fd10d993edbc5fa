package com.opensvc.aftersales.gateway.edge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for the services behind the gateway, which a test can stop and start again on the
 * same port. {@code /slow…} answers after 5 s, {@code /unavailable…} answers 503, anything else 200; it counts the
 * hits per method and path.
 */
final class Backend implements AutoCloseable {
    private final int port;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private HttpServer server;

    private Backend(int port) {
        this.port = port;
    }

    static Backend start() throws IOException {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Backend backend = new Backend(port);
        backend.restart();
        return backend;
    }

    String uri() {
        return "http://localhost:" + port;
    }

    int hits(String method, String path) {
        return hits.getOrDefault(method + " " + path, new AtomicInteger()).get();
    }

    void stop() {
        server.stop(0);
        server = null;
    }

    /** Binds the same port again; the stopped server may take a moment to release it. */
    void restart() throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
                break;
            } catch (java.net.BindException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::answer);
        server.start();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(exchange.getRequestMethod() + " " + path, k -> new AtomicInteger()).incrementAndGet();
        long received;
        try (InputStream in = exchange.getRequestBody()) {
            received = in.transferTo(OutputStream.nullOutputStream());
        }
        int status = 200;
        if (path.contains("/slow")) {
            try {
                Thread.sleep(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (path.contains("/unavailable")) {
            status = 503;
        }
        byte[] body = ("{\"path\":\"" + path + "\",\"received\":" + received + "}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        // a service's own header values: the gateway's must win
        exchange.getResponseHeaders().add("Cache-Control", "max-age=600");
        exchange.getResponseHeaders().add("X-Frame-Options", "SAMEORIGIN");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            stop();
        }
    }
}
