package com.opensvc.aftersales.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.opensvc.aftersales.testkit.EmbeddedPlatform;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16: the five services' OpenAPI documents at the gateway ({@code /v3/api-docs/<service>}, no token) and one
 * Swagger UI for all of them; every operation of every service documents its summary, security, roles and problem
 * reports. The documents are also written to {@code target/openapi/<service>.json} for Redocly's linter.
 */
@EmbeddedPlatform(services = {"intake", "dispatch", "parts", "quality", "revisit"})
@ExtendWith(RunningPlatform.class)
class OpenApiAtTheGatewayTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Map<String, JsonNode> DOCUMENTS = new LinkedHashMap<>();
    private static PlatformClient client;

    @BeforeAll
    static void readDocuments(PlatformClient platform) throws Exception {
        client = platform;
        Path out = Files.createDirectories(Path.of("target", "openapi"));
        for (String service : PlatformApplications.SERVICES) {
            RestApi.Download document = client.download("/v3/api-docs/" + service, null, "application/json");
            assertThat(document.status()).as(service + "'s document without a token").isEqualTo(200);
            Files.write(out.resolve(service + ".json"), document.body());
            DOCUMENTS.put(service, JsonMapper.builder().build().readTree(new String(document.body(), StandardCharsets.UTF_8)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"intake", "dispatch", "parts", "quality", "revisit"})
    @DisplayName("issue 16 SEC-01 every operation has a summary, the bearer requirement, its roles and its problem reports")
    void everyOperationIsDocumented(String service) {
        JsonNode document = DOCUMENTS.get(service);
        assertThat(document.at("/info/title").asString()).isEqualTo(service + " API");
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        List<String> operations = new ArrayList<>();
        document.get("paths").properties().forEach(path -> {
            assertThat(path.getKey()).startsWith("/api/" + service + "/");
            path.getValue().properties().stream().filter(m -> METHODS.contains(m.getKey())).forEach(m -> {
                String name = m.getKey().toUpperCase() + " " + path.getKey();
                JsonNode op = m.getValue();
                operations.add(name);
                assertThat(op.path("summary").asString("")).as(name + " summary").isNotBlank();
                assertThat(op.path("operationId").asString("")).as(name + " operationId").isNotBlank();
                assertThat(op.at("/security/0/bearer").isArray()).as(name + " security").isTrue();
                assertThat(op.path("x-roles").isEmpty()).as(name + " x-roles").isFalse();
                for (String code : List.of("401", "403", "500", "503")) {
                    assertThat(op.at("/responses/" + code + "/$ref").asString("")).as(name + " " + code).isNotBlank();
                }
            });
        });
        assertThat(operations).isNotEmpty();
    }

    @Test
    @DisplayName("issue 16 one Swagger UI at the gateway lists the five services' documents")
    void oneSwaggerUi() {
        RestApi.Download page = client.download("/swagger-ui/index.html", null, "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("swagger-ui");
        RestApi.Response config = client.get("/v3/api-docs/swagger-config", null);
        assertThat(config.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        config.body().get("urls").forEach(url -> names.add(url.get("name").asString()));
        assertThat(names).containsExactlyInAnyOrderElementsOf(PlatformApplications.SERVICES);
    }
}
