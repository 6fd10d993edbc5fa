package com.opensvc.aftersales.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The overlays as {@code kubectl kustomize} renders them (issue 17): run as a process when {@code kubectl} is on the
 * PATH, the test aborted with a clear message otherwise. One render per overlay and test JVM.
 */
final class Manifests {
    /** Every overlay a cluster may be given: the two environments and each with the optional KEDA component. */
    static final List<String> OVERLAYS = List.of("dev", "prod", "dev-keda", "prod-keda", "prod-gateway-api");
    static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final Map<String, Rendered> RENDERED = new ConcurrentHashMap<>();

    private Manifests() {
    }

    /** The module's directory (deploy/k8s), whichever directory the tests run in. */
    static Path moduleDir() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("overlays")) ? here : here.resolve("deploy/k8s");
    }

    /** The repository's root: the services' configuration and code the manifests are checked against. */
    static Path repositoryRoot() {
        return moduleDir().getParent().getParent();
    }

    static Rendered render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Manifests::kustomize);
    }

    static Optional<Path> kubectl() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator)).filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "kubectl")).filter(Files::isExecutable).findFirst();
    }

    private static Rendered kustomize(String overlay) {
        Path kubectl = kubectl().orElse(null);
        Assumptions.assumeTrue(kubectl != null,
                "kubectl is not on the PATH: the overlays of deploy/k8s are not rendered (install kubectl >= 1.27 to run these tests)");
        try {
            Path out = Files.createTempFile("kustomize-" + overlay, ".yaml");
            Path err = Files.createTempFile("kustomize-" + overlay, ".err");
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize",
                    moduleDir().resolve("overlays").resolve(overlay).toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize overlays/" + overlay + " did not finish in 2 minutes");
            }
            String yaml = Files.readString(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize overlays/" + overlay + " failed: "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            List<Map<String, Object>> documents = new ArrayList<>();
            for (String text : yaml.split("(?m)^---\\s*$")) {
                if (!text.isBlank()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> document = YAML.readValue(text, LinkedHashMap.class);
                    documents.add(document);
                }
            }
            return new Rendered(overlay, yaml, documents);
        } catch (IOException e) {
            throw new AssertionError("kubectl kustomize overlays/" + overlay + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** One overlay's rendered documents, each as the map YAML gives. */
    record Rendered(String overlay, String yaml, List<Map<String, Object>> documents) {

        List<Map<String, Object>> ofKind(String kind) {
            return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
        }

        Optional<Map<String, Object>> find(String kind, String name) {
            return ofKind(kind).stream().filter(d -> name.equals(Tree.at(d, "metadata.name"))).findFirst();
        }

        Map<String, Object> get(String kind, String name) {
            return find(kind, name).orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " " + name));
        }

        /** Documents per kind, sorted: the figures the issue asks for. */
        Map<String, Integer> counts() {
            Map<String, Integer> counts = new TreeMap<>();
            documents.forEach(d -> counts.merge(String.valueOf(d.get("kind")), 1, Integer::sum));
            return counts;
        }
    }
}
