package com.opensvc.aftersales.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code -Pcontainers} hands Kafka Connect, checked without Docker: the containers themselves run only where a
 * Docker engine is (README "Testcontainers (opt-in)").
 */
class ContainerInfrastructureTest {
    private static final Path ROOT = Path.of("../..");

    @Test
    @DisplayName("issue 17 containers: the Connect container runs each service's connector file as it is, plus the database coordinates")
    void connectorConfigIsThePropertiesFile() throws IOException {
        for (Path file : connectorFiles()) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                properties.load(in);
            }
            Map<String, String> config = ContainerInfrastructure.connectorConfig(properties, "postgres", 5432, "intake",
                    "test", "secret");

            properties.stringPropertyNames().stream().filter(key -> !key.equals("name"))
                    .forEach(key -> assertThat(config).as(file + " " + key).containsEntry(key, properties.getProperty(key)));
            assertThat(config).doesNotContainKey("name")
                    .containsEntry("database.hostname", "postgres").containsEntry("database.port", "5432")
                    .containsEntry("database.dbname", "intake").containsEntry("database.user", "test")
                    .containsEntry("database.password", "secret");
        }
    }

    @Test
    @DisplayName("issue 17 containers: the REST body is the config as JSON, ${routedByValue} and odd characters intact")
    void jsonIsReadBackAsTheConfig() throws IOException {
        for (Path file : connectorFiles()) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                properties.load(in);
            }
            Map<String, String> config = ContainerInfrastructure.connectorConfig(properties, "postgres", 5432, "db",
                    "u", "p\"w\\d\n\u0001");

            Map<String, String> read = JsonMapper.builder().build().readValue(ContainerInfrastructure.json(config),
                    new TypeReference<Map<String, String>>() { });

            assertThat(read).isEqualTo(config);
        }
    }

    @Test
    @DisplayName("issue 17 containers: the worker's internal topics fit one broker and flush offsets every second")
    void workerFitsOneBroker() {
        assertThat(ContainerInfrastructure.connectWorker("kafka:19092"))
                .containsEntry("BOOTSTRAP_SERVERS", "kafka:19092")
                .containsEntry("CONNECT_CONFIG_STORAGE_REPLICATION_FACTOR", "1")
                .containsEntry("CONNECT_OFFSET_STORAGE_REPLICATION_FACTOR", "1")
                .containsEntry("CONNECT_STATUS_STORAGE_REPLICATION_FACTOR", "1")
                .containsKeys("GROUP_ID", "CONFIG_STORAGE_TOPIC", "OFFSET_STORAGE_TOPIC", "STATUS_STORAGE_TOPIC");
    }

    @Test
    @DisplayName("issue 17 containers: the default build runs on the in-process infrastructure")
    void inProcessUnlessAsked() {
        assertThat(System.getProperty("aftersales.test.infrastructure")).isNull();
        assertThat(SharedInfrastructure.containersRequested()).isFalse();
    }

    private static java.util.List<Path> connectorFiles() throws IOException {
        try (Stream<Path> services = Stream.of("intake", "dispatch", "parts", "quality", "revisit")
                .map(s -> ROOT.resolve(s + "-service/src/main/resources/debezium/" + s + "-outbox.properties"))) {
            java.util.List<Path> files = services.toList();
            assertThat(files).allMatch(Files::isRegularFile);
            return files;
        }
    }
}
