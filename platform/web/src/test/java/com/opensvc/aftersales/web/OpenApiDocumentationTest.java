package com.opensvc.aftersales.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.opensvc.aftersales.web.probe.ProbeApplication;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16: every service's OpenAPI document passes Redocly's recommended rules because platform/web writes what
 * they ask for once — checked here on the probe application so that it cannot regress.
 */
@SpringBootTest(classes = ProbeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentationTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @LocalServerPort
    private int port;

    private JsonNode document;
    private final List<Op> operations = new ArrayList<>();

    record Op(String path, String method, JsonNode node) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    @BeforeAll
    void readDocument() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("the document needs no token").isEqualTo(200);
        // kept for Redocly's linter: npx @redocly/cli lint platform/web/target/openapi/probe.json
        java.nio.file.Files.writeString(java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "openapi"))
                .resolve("probe.json"), response.body());
        document = JsonMapper.builder().build().readTree(response.body());
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (METHODS.contains(method.getKey())) {
                operations.add(new Op(path.getKey(), method.getKey(), method.getValue()));
            }
        }));
        assertThat(operations).hasSizeGreaterThanOrEqualTo(7);
    }

    @Test
    @DisplayName("issue 16 SEC-01 the bearer JWT scheme is declared and every operation requires it")
    void bearerOnEveryOperation() {
        JsonNode scheme = document.at("/components/securitySchemes/bearer");
        assertThat(scheme.get("type").asString()).isEqualTo("http");
        assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.get("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(operations).allSatisfy(op ->
                assertThat(op.node().at("/security/0/bearer").isArray()).as(op + " security").isTrue());
    }

    @Test
    @DisplayName("issue 16 SEC-01 every operation lists its roles from @PreAuthorize in x-roles and its description")
    void rolesOnEveryOperation() {
        assertThat(operations).allSatisfy(op -> {
            assertThat(op.node().get(OpenApiDocumentation.X_ROLES)).as(op + " x-roles").isNotNull();
            assertThat(op.node().get(OpenApiDocumentation.X_ROLES).isEmpty()).as(op + " x-roles").isFalse();
            assertThat(op.node().get("description").asString()).as(op + " description").contains("Roles (SEC-01): ");
        });
        JsonNode close = operation("/api/probe/jobs/{id}/close", "post").node();
        assertThat(close.get("x-roles").toString()).isEqualTo("[\"AGENT\",\"SUPERVISOR\"]");
        assertThat(close.get("description").asString()).contains("Roles (SEC-01): AGENT, SUPERVISOR.");
    }

    @Test
    @DisplayName("issue 16 every operation has a summary and a unique operationId")
    void summaryAndOperationId() {
        assertThat(operations).allSatisfy(op -> {
            assertThat(op.node().path("summary").asString("")).as(op + " summary").isNotBlank();
            assertThat(op.node().path("operationId").asString("")).as(op + " operationId").isNotBlank();
        });
        assertThat(operations.stream().map(op -> op.node().get("operationId").asString()).distinct())
                .hasSize(operations.size());
        assertThat(operation("/api/probe/jobs/{id}/close", "post").node().get("summary").asString())
                .isEqualTo("Close job");
        assertThat(operation("/api/probe/jobs", "get").node().get("summary").asString())
                .isEqualTo("List probe states");
    }

    @Test
    @DisplayName("issue 16 RFC 9457 every operation lists the problem reports it can give, as application/problem+json")
    void problemResponses() {
        assertThat(operations).allSatisfy(op -> {
            for (String code : List.of("401", "403", "500", "503")) {
                assertThat(op.node().at("/responses/" + code + "/$ref").asString(""))
                        .as(op + " " + code).startsWith("#/components/responses/");
            }
            assertThat(op.node().get("responses").properties().stream().map(e -> e.getKey())
                    .filter(code -> code.startsWith("2")).count()).as(op + " 2xx").isPositive();
        });
        JsonNode close = operation("/api/probe/jobs/{id}/close", "post").node().get("responses");
        assertThat(close.propertyNames()).contains("400", "404", "409", "412", "428");
        JsonNode list = operation("/api/probe/jobs", "get").node().get("responses");
        assertThat(list.propertyNames()).doesNotContain("400", "404", "409");
        assertThat(operation("/api/probe/orders", "post").node().get("responses").propertyNames())
                .contains("400", "409", "415");

        JsonNode badRequest = document.at("/components/responses/BadRequest/content/application~1problem+json/schema");
        assertThat(badRequest.get("$ref").asString()).isEqualTo("#/components/schemas/Problem");
        JsonNode problem = document.at("/components/schemas/Problem/properties");
        assertThat(problem.propertyNames()).contains("type", "title", "status", "detail", "instance", "errors");
        assertThat(document.at("/components/schemas/FieldError/required").toString())
                .isEqualTo("[\"field\",\"message\"]");
    }

    @Test
    @DisplayName("issue 16 the document names its licence and a server")
    void infoLicenceServers() {
        assertThat(document.at("/info/license/name").asString()).isNotBlank();
        assertThat(document.at("/info/license/url").asString()).startsWith("https://");
        assertThat(document.at("/info/description").asString()).isNotBlank();
        assertThat(document.at("/servers/0/url").asString()).isEqualTo("/");
    }

    @Test
    @DisplayName("issue 16 roles are read from hasRole and hasAnyRole; names become readable summaries")
    void rolesAndSummaries() {
        assertThat(OpenApiDocumentation.roles("hasRole('TECHNICIAN')")).containsExactly("TECHNICIAN");
        assertThat(OpenApiDocumentation.roles("hasAnyRole('FRONT_DESK', 'SUPERVISOR') or hasRole('ROLE_ADMIN')"))
                .containsExactly("FRONT_DESK", "SUPERVISOR", "ADMIN");
        assertThat(OpenApiDocumentation.roles("isAuthenticated()")).isEmpty();
        assertThat(OpenApiDocumentation.summary("registerTicket", "TicketController")).isEqualTo("Register ticket");
        assertThat(OpenApiDocumentation.summary("exportCSV", "ReportController")).isEqualTo("Export CSV");
        assertThat(OpenApiDocumentation.summary("list", "WorkOrderController")).isEqualTo("List work orders");
        assertThat(OpenApiDocumentation.summary("get", "WorkOrderController")).isEqualTo("Get work order");
    }

    private Op operation(String path, String method) {
        return operations.stream().filter(op -> op.path().equals(path) && op.method().equals(method)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + method + " " + path));
    }
}
