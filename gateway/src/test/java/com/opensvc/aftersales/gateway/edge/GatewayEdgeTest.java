package com.opensvc.aftersales.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.opensvc.aftersales.gateway.GatewayApplication;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16, the gateway's front door: the real gateway in front of real local HTTP servers standing in for the
 * services (one of them stopped and started again on the same port), with real signed tokens.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + GatewayApplication.CONFIG_NAME,
                "aftersales.gateway.resilience.timeout=3s",
                "aftersales.gateway.resilience.timeouts.parts=1500ms",
                "aftersales.gateway.resilience.minimum-calls=2",
                "aftersales.gateway.resilience.sliding-window-calls=4",
                "aftersales.gateway.resilience.open-for=2s",
                "aftersales.gateway.resilience.half-open-calls=1",
                "aftersales.gateway.rate-limit.requests=40",
                "aftersales.gateway.rate-limit.period=1h",
                "aftersales.gateway.request-size.max=1KB",
                "aftersales.gateway.request-size.routes.intake=4KB",
                "aftersales.gateway.cors.allowed-origins=https://desk.example.com"})
class GatewayEdgeTest {
    private static final Backend STOPPABLE = uncheckedBackend();
    private static final Backend STEADY = uncheckedBackend();
    private static final Issuer ISSUER = uncheckedIssuer();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @LocalServerPort
    private int port;

    @Autowired
    private RouteGuards guards;

    private static boolean warmedUp;

    /** The first call through a fresh gateway loads classes and the issuer's keys: not what the limits measure. */
    @org.junit.jupiter.api.BeforeEach
    void warmUp() throws Exception {
        if (!warmedUp) {
            get("/api/intake/warm-up", ISSUER.token("warm-up", "CSR"));
            warmedUp = true;
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::uri);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> ISSUER.uri() + "/oauth2/jwks");
        registry.add("aftersales.gateway.dispatch-uri", STOPPABLE::uri);
        for (String service : new String[] {"intake", "parts", "quality", "revisit"}) {
            registry.add("aftersales.gateway." + service + "-uri", STEADY::uri);
        }
    }

    @AfterAll
    static void stopServers() {
        STOPPABLE.close();
        STEADY.close();
        ISSUER.close();
    }

    @Test
    @DisplayName("issue 16: a stopped service → 503 problem naming it within the time limit; the circuit opens, "
            + "then half-opens and closes when the service is back")
    void stoppedServiceFallsBackThenRecovers() throws Exception {
        String token = ISSUER.token("front-desk-1", "CSR");
        assertThat(get("/api/dispatch/work-orders", token).statusCode()).isEqualTo(200);

        STOPPABLE.stop();
        try {
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                HttpResponse<String> answer = get("/api/dispatch/work-orders", token);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
                assertProblem(answer, 503);
                assertThat(json(answer).path("service").asString()).isEqualTo("dispatch");
            }
            assertThat(guards.circuitBreakers().circuitBreaker("dispatch").getState())
                    .isEqualTo(CircuitBreaker.State.OPEN);
            HttpResponse<String> open = get("/api/dispatch/work-orders", token);
            assertProblem(open, 503);
            assertThat(open.headers().firstValue("Retry-After")).contains("2");
        } finally {
            STOPPABLE.restart();
        }

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(get("/api/dispatch/work-orders", token).statusCode()).isEqualTo(200));
        assertThat(guards.circuitBreakers().circuitBreaker("dispatch").getState())
                .isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    @DisplayName("issue 16: a slow service → 503 problem naming it within the route's own time limit (parts 1.5 s)")
    void slowServiceAnswersWithinTheLimit() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> answer = get("/api/parts/slow-report", ISSUER.token("front-desk-2", "CSR"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertProblem(answer, 503);
        assertThat(json(answer).path("service").asString()).isEqualTo("parts");
        assertThat(json(answer).path("detail").asString()).contains("1500 ms");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1400)).isLessThan(Duration.ofMillis(3000));
    }

    @Test
    @DisplayName("issue 16: GET is retried on 503 (3 attempts), POST never")
    void onlySafeRequestsAreRetried() throws Exception {
        String token = ISSUER.token("front-desk-3", "CSR");
        assertThat(get("/api/revisit/unavailable-get", token).statusCode()).isEqualTo(503);
        assertThat(STEADY.hits("GET", "/api/revisit/unavailable-get")).isEqualTo(3);

        assertThat(send(request("/api/revisit/unavailable-post", token)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json"))
                .statusCode()).isEqualTo(503);
        assertThat(STEADY.hits("POST", "/api/revisit/unavailable-post")).isEqualTo(1);
    }

    @Test
    @DisplayName("issue 16: one client over its rate limit gets 429 with Retry-After; another client still passes")
    void rateLimitPerClient() throws Exception {
        String greedy = ISSUER.token("greedy-client", "CSR");
        for (int i = 0; i < 40; i++) {
            assertThat(get("/api/quality/ok", greedy).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = get("/api/quality/ok", greedy);
        assertProblem(refused, 429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(STEADY.hits("GET", "/api/quality/ok")).isEqualTo(40);

        assertThat(get("/api/quality/ok", ISSUER.token("patient-client", "CSR")).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("issue 16: a body over the route's limit → 413 problem before the service sees it; a route with a "
            + "larger limit (uploads) passes it")
    void requestSizeLimits() throws Exception {
        String token = ISSUER.token("front-desk-4", "CSR");
        byte[] body = new byte[2048];
        HttpResponse<String> tooLarge = send(request("/api/dispatch/work-orders", token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json"));
        assertProblem(tooLarge, 413);
        assertThat(STOPPABLE.hits("POST", "/api/dispatch/work-orders")).isZero();

        HttpResponse<String> upload = send(request("/api/intake/upload", token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/octet-stream"));
        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(json(upload).path("received").asInt()).isEqualTo(2048);
    }

    @Test
    @DisplayName("issue 16: security headers on API answers, the gateway's values over the service's")
    void securityHeaders() throws Exception {
        HttpResponse<String> answer = get("/api/quality/headers", ISSUER.token("front-desk-5", "CSR"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(answer.headers().allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(answer.headers().allValues("Referrer-Policy")).containsExactly("no-referrer");
        assertThat(answer.headers().allValues("Cache-Control")).containsExactly("no-store");
        assertThat(answer.headers().allValues("Content-Security-Policy")).containsExactly("frame-ancestors 'none'");
        // plain http here: HSTS only on https
        assertThat(answer.headers().firstValue("Strict-Transport-Security")).isEmpty();

        HttpResponse<String> unauthenticated = get("/api/quality/headers", null);
        assertProblem(unauthenticated, 401);
        assertThat(unauthenticated.headers().allValues("X-Frame-Options")).containsExactly("DENY");
    }

    @Test
    @DisplayName("issue 16: CORS preflight allowed for the configured front-desk origin, refused (403 problem) for "
            + "another")
    void corsForTheConfiguredOrigin() throws Exception {
        HttpResponse<String> allowed = send(preflight("https://desk.example.com"));
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("https://desk.example.com");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("POST");

        HttpResponse<String> refused = send(preflight("https://evil.example.com"));
        assertProblem(refused, 403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> crossOriginGet = send(request("/api/quality/ok", ISSUER.token("front-desk-6", "CSR"))
                .header("Origin", "https://evil.example.com").GET());
        assertProblem(crossOriginGet, 403);
    }

    private HttpRequest.Builder preflight(String origin) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/intake/tickets"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return send(request(path, token).GET());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(answer);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asString()).isNotBlank();
    }

    private static JsonNode json(HttpResponse<String> answer) {
        return JSON.readTree(answer.body());
    }

    private static Backend uncheckedBackend() {
        try {
            return Backend.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Issuer uncheckedIssuer() {
        try {
            return Issuer.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
