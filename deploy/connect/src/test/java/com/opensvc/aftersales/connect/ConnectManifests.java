package com.opensvc.aftersales.connect;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads the committed manifests under {@code deploy/k8s/base/connect} as plain YAML trees. */
final class ConnectManifests {
    private ConnectManifests() {
    }

    static Path repositoryRoot() {
        String configured = System.getProperty("aftersales.repository.root");
        Path root = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().resolve("../..");
        return root.toAbsolutePath().normalize();
    }

    static List<Map<String, Object>> documents(Path root, String file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(root.resolve(OutboxConnectors.MANIFESTS).resolve(file), StandardCharsets.UTF_8)) {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(in)) {
                if (document != null) {
                    documents.add(cast(document));
                }
            }
        }
        return documents;
    }

    static Map<String, Object> document(Path root, String file, String kind) throws IOException {
        return documents(root, file).stream().filter(d -> kind.equals(d.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError(file + " has no " + kind));
    }

    static Map<String, Object> connector(Path root, String service) throws IOException {
        return document(root, service + "-outbox.yaml", "KafkaConnector");
    }

    static Map<String, Object> kafkaConnect(Path root) throws IOException {
        return document(root, "kafka-connect.yaml", "KafkaConnect");
    }

    static List<String> kustomizationResources(Path root) throws IOException {
        List<String> resources = new ArrayList<>();
        for (Object resource : (List<?>) documents(root, "kustomization.yaml").getFirst().get("resources")) {
            resources.add(String.valueOf(resource));
        }
        return resources;
    }

    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError("no mapping " + key + " in " + parent.keySet());
        }
        return cast(value);
    }

    static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (!(value instanceof List<?> items)) {
            throw new AssertionError("no list " + key + " in " + parent.keySet());
        }
        List<Map<String, Object>> maps = new ArrayList<>();
        items.forEach(item -> maps.add(cast(item)));
        return maps;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
