package com.opensvc.aftersales.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the production KafkaConnectors are generated from the same properties file the embedded relay reads, and
 * the build fails when the committed YAML drifts from it. {@code -Dconnectors.write=true} rewrites the manifests.
 */
class KafkaConnectorDriftTest {
    static final List<String> SERVICES = OutboxConnectors.SERVICES;
    private static Path root;

    @BeforeAll
    static void writeWhenAsked() throws IOException {
        root = ConnectManifests.repositoryRoot();
        if (Boolean.getBoolean("connectors.write")) {
            OutboxConnectors.write(root);
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SERVICES")
    @DisplayName("Issue 17: the committed KafkaConnector equals what the service's debezium properties generate")
    void committedConnectorMatchesTheProperties(String service) throws IOException {
        Path manifest = OutboxConnectors.manifestFile(root, service);
        assertThat(manifest).as("run " + OutboxConnectors.REGENERATE).exists();
        assertThat(Files.readString(manifest, StandardCharsets.UTF_8))
                .as("%s drifted from %s; run %s", root.relativize(manifest),
                        root.relativize(OutboxConnectors.propertiesFile(root, service)), OutboxConnectors.REGENERATE)
                .isEqualTo(OutboxConnectors.render(root, service));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SERVICES")
    @DisplayName("Issue 17: every property the embedded relay reads reaches the connector (name, class and tasks in the spec)")
    void everyPropertyReachesTheConnector(String service) throws IOException {
        Properties file = new Properties();
        try (var in = Files.newInputStream(OutboxConnectors.propertiesFile(root, service))) {
            file.load(in);
        }
        Map<String, Object> connector = ConnectManifests.connector(root, service);
        Map<String, Object> spec = ConnectManifests.map(connector, "spec");
        Map<String, Object> config = ConnectManifests.map(spec, "config");
        assertThat(ConnectManifests.map(connector, "metadata")).containsEntry("name", file.getProperty("name"));
        assertThat(spec).containsEntry("class", file.getProperty("connector.class"))
                .containsEntry("tasksMax", Integer.valueOf(file.getProperty("tasks.max")));
        for (String key : file.stringPropertyNames()) {
            if (!List.of("name", "connector.class", "tasks.max").contains(key)) {
                assertThat(config).as(key).containsEntry(key, file.getProperty(key));
            }
        }
        assertThat(config).containsEntry("database.hostname", service + "-db-rw")
                .containsEntry("database.dbname", service)
                .containsEntry("database.password", "${secrets:" + service + "-debezium-credentials:password}");
        assertThat(ConnectManifests.map(ConnectManifests.map(connector, "metadata"), "labels"))
                .containsEntry("strimzi.io/cluster", OutboxConnectors.CONNECT_CLUSTER);
    }

    @Test
    @DisplayName("Issue 17: the KafkaConnect builds in the parent POM's Debezium version, reads Secrets and manages connectors from resources")
    void kafkaConnectBuildsTheSameDebezium() throws IOException {
        Map<String, Object> connect = ConnectManifests.kafkaConnect(root);
        assertThat(ConnectManifests.map(ConnectManifests.map(connect, "metadata"), "annotations"))
                .containsEntry("strimzi.io/use-connector-resources", "true");
        assertThat(ConnectManifests.map(connect, "metadata")).containsEntry("name", OutboxConnectors.CONNECT_CLUSTER);
        Map<String, Object> spec = ConnectManifests.map(connect, "spec");
        assertThat(spec).containsEntry("bootstrapServers", "aftersales-kafka-bootstrap:9093");
        assertThat(ConnectManifests.map(spec, "authentication")).containsEntry("type", "scram-sha-512")
                .containsEntry("username", "aftersales-connect");
        assertThat(ConnectManifests.map(ConnectManifests.map(spec, "authentication"), "passwordSecret"))
                .containsEntry("secretName", "aftersales-connect");
        assertThat(ConnectManifests.map(spec, "config"))
                .containsEntry("config.providers", "secrets")
                .containsEntry("config.providers.secrets.class", "io.strimzi.kafka.KubernetesSecretConfigProvider");
        List<Map<String, Object>> artifacts = new ArrayList<>();
        for (Map<String, Object> plugin : ConnectManifests.list(ConnectManifests.map(spec, "build"), "plugins")) {
            artifacts.addAll(ConnectManifests.list(plugin, "artifacts"));
        }
        assertThat(artifacts).singleElement().satisfies(artifact -> assertThat(artifact)
                .containsEntry("type", "maven")
                .containsEntry("group", "io.debezium")
                .containsEntry("artifact", "debezium-connector-postgres")
                .containsEntry("version", System.getProperty("debezium.version")));
        assertThat(System.getProperty("debezium.version")).as("the build passes the parent POM's debezium.version").isNotBlank();
    }

    @Test
    @DisplayName("Issue 17: the kustomization lists every connector, and the Connect pods may read exactly the Secrets the connectors name")
    void kustomizationAndSecretAccess() throws IOException {
        List<String> resources = ConnectManifests.kustomizationResources(root);
        List<String> expected = new ArrayList<>(List.of("kafka-connect.yaml", "secrets-reader.yaml"));
        SERVICES.forEach(service -> expected.add(service + "-outbox.yaml"));
        assertThat(resources).containsExactlyInAnyOrderElementsOf(expected);

        TreeSet<String> named = new TreeSet<>();
        Pattern reference = Pattern.compile("\\$\\{secrets:([^:}/]+):[^}]+}");
        for (String service : SERVICES) {
            for (Object value : ConnectManifests.map(ConnectManifests.map(ConnectManifests.connector(root, service), "spec"),
                    "config").values()) {
                Matcher m = reference.matcher(String.valueOf(value));
                while (m.find()) {
                    named.add(m.group(1));
                }
                assertThat(String.valueOf(value)).as("no literal password").doesNotContainIgnoringCase("secret=");
            }
        }
        assertThat(named).hasSize(SERVICES.size());
        Map<String, Object> role = ConnectManifests.document(root, "secrets-reader.yaml", "Role");
        List<Map<String, Object>> rules = ConnectManifests.list(role, "rules");
        assertThat(rules).singleElement().satisfies(rule -> {
            assertThat(rule.get("verbs")).isEqualTo(List.of("get"));
            assertThat(rule.get("resources")).isEqualTo(List.of("secrets"));
            assertThat(new TreeSet<>((List<?>) rule.get("resourceNames"))).isEqualTo(named);
        });
        Map<String, Object> binding = ConnectManifests.document(root, "secrets-reader.yaml", "RoleBinding");
        assertThat(ConnectManifests.list(binding, "subjects")).singleElement().satisfies(subject -> assertThat(subject)
                .containsEntry("kind", "ServiceAccount")
                .containsEntry("name", OutboxConnectors.CONNECT_CLUSTER + "-connect"));
    }
}
