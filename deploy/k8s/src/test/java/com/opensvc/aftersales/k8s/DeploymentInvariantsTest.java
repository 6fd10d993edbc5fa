package com.opensvc.aftersales.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.boot.convert.DurationStyle;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/** What each Deployment and what selects it must have, in every overlay (issue 17, DESIGN.md §8). */
class DeploymentInvariantsTest {
    private static final List<String> DEPLOYMENTS = List.of("intake", "dispatch", "parts", "quality", "revisit", "gateway");

    @ParameterizedTest(name = "{0}")
    @FieldSource("com.opensvc.aftersales.k8s.Manifests#OVERLAYS")
    @DisplayName("issue 17: each Deployment has startup, liveness and readiness probes on the Actuator groups, requests and limits, a non-root read-only security context and a writable /tmp")
    void probesResourcesAndSecurity(String overlay) {
        Manifests.Rendered rendered = Manifests.render(overlay);
        assertThat(rendered.ofKind("Deployment")).extracting(d -> Tree.text(d, "metadata.name"))
                .containsExactlyInAnyOrderElementsOf(DEPLOYMENTS);
        for (Map<String, Object> document : rendered.ofKind("Deployment")) {
            Deployment deployment = (Deployment) TypedModels.parse(document);
            String name = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getAutomountServiceAccountToken()).as(name + " automountServiceAccountToken").isFalse();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name + " runAsNonRoot").isTrue();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).as(name).isEqualTo("RuntimeDefault");
            assertThat(pod.getSecurityContext().getRunAsUser() + ":" + pod.getSecurityContext().getRunAsGroup())
                    .as(name + " runs as the images' user (the parent POM's image.user)").isEqualTo(imageUser());
            assertThat(pod.getContainers()).as(name).hasSize(1);
            Container container = pod.getContainers().getFirst();
            assertThat(container.getImage()).as(name).startsWith("ghcr.io/opensvc/aftersales-" + name + ":");
            probe(name, "startup", container.getStartupProbe(), "/actuator/health/liveness");
            probe(name, "liveness", container.getLivenessProbe(), "/actuator/health/liveness");
            probe(name, "readiness", container.getReadinessProbe(), "/actuator/health/readiness");
            for (String resource : List.of("cpu", "memory")) {
                assertThat(container.getResources().getRequests()).as(name + " requests").containsKey(resource);
                assertThat(container.getResources().getLimits()).as(name + " limits").containsKey(resource);
            }
            var security = container.getSecurityContext();
            assertThat(security.getReadOnlyRootFilesystem()).as(name + " readOnlyRootFilesystem").isTrue();
            assertThat(security.getAllowPrivilegeEscalation()).as(name + " allowPrivilegeEscalation").isFalse();
            assertThat(security.getCapabilities().getDrop()).as(name + " capabilities").containsExactly("ALL");
            String tmpVolume = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                    .findFirst().orElseThrow(() -> new AssertionError(name + ": no /tmp mount")).getName();
            assertThat(pod.getVolumes()).filteredOn(v -> v.getName().equals(tmpVolume))
                    .singleElement().extracting(Volume::getEmptyDir).as(name + " /tmp").isNotNull();
            // every ConfigMap, Secret-free: the ConfigMaps a pod mounts exist in the overlay
            for (Volume volume : pod.getVolumes()) {
                if (volume.getConfigMap() != null) {
                    assertThat(rendered.find("ConfigMap", volume.getConfigMap().getName())).as(name + " " + volume.getName()).isPresent();
                }
            }
            assertThat(rendered.find("ServiceAccount", pod.getServiceAccountName())).as(name + " ServiceAccount").isPresent();
            ServiceAccount account = (ServiceAccount) TypedModels.parse(rendered.get("ServiceAccount", pod.getServiceAccountName()));
            assertThat(account.getAutomountServiceAccountToken()).as(name + " ServiceAccount automount").isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("com.opensvc.aftersales.k8s.Manifests#OVERLAYS")
    @DisplayName("issue 17: graceful shutdown — the grace period outlasts the preStop sleep plus Spring's timeout-per-shutdown-phase, so in-flight requests and records finish")
    void gracefulShutdown(String overlay) {
        Manifests.Rendered rendered = Manifests.render(overlay);
        for (Map<String, Object> document : rendered.ofKind("Deployment")) {
            Deployment deployment = (Deployment) TypedModels.parse(document);
            String name = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container container = pod.getContainers().getFirst();
            assertThat(Tree.text(serviceYml(name), "server.shutdown")).as(name + " server.shutdown").isEqualTo("graceful");
            Duration phase = DurationStyle.detectAndParse(
                    Tree.text(appConfig(rendered, deployment), "spring.lifecycle.timeout-per-shutdown-phase"));
            long preStop = container.getLifecycle().getPreStop().getSleep().getSeconds();
            assertThat(pod.getTerminationGracePeriodSeconds()).as(name + " terminationGracePeriodSeconds")
                    .isGreaterThan(preStop + phase.toSeconds());
            assertThat(container.getEnv()).as(name).anyMatch(e -> e.getName().equals("SPRING_CONFIG_IMPORT")
                    && e.getValue().equals("file:/config/k8s.yml"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("com.opensvc.aftersales.k8s.Manifests#OVERLAYS")
    @DisplayName("issue 17: each Service, HPA, PDB and ScaledObject selects an existing Deployment, on the port the application listens on")
    void selectorsTargetDeployments(String overlay) {
        Manifests.Rendered rendered = Manifests.render(overlay);
        Map<String, Deployment> deployments = rendered.ofKind("Deployment").stream().map(d -> (Deployment) TypedModels.parse(d))
                .collect(Collectors.toMap(d -> d.getMetadata().getName(), d -> d));
        for (Map<String, Object> document : rendered.ofKind("Service")) {
            Service service = (Service) TypedModels.parse(document);
            Deployment target = selected(deployments, service.getSpec().getSelector(), "Service " + service.getMetadata().getName());
            int port = target.getSpec().getTemplate().getSpec().getContainers().getFirst().getPorts().getFirst().getContainerPort();
            assertThat(port).as("container port of " + target.getMetadata().getName()).isEqualTo(applicationPort(target.getMetadata().getName()));
            assertThat(service.getSpec().getPorts().getFirst().getPort()).isEqualTo(port);
        }
        for (Map<String, Object> document : rendered.ofKind("HorizontalPodAutoscaler")) {
            HorizontalPodAutoscaler hpa = (HorizontalPodAutoscaler) TypedModels.parse(document);
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(deployments).as("HPA " + hpa.getMetadata().getName()).containsKey(hpa.getSpec().getScaleTargetRef().getName());
            assertThat(hpa.getSpec().getMinReplicas()).as("HPA min of " + hpa.getMetadata().getName()).isGreaterThanOrEqualTo(2);
        }
        for (Map<String, Object> document : rendered.ofKind("PodDisruptionBudget")) {
            PodDisruptionBudget pdb = (PodDisruptionBudget) TypedModels.parse(document);
            selected(deployments, pdb.getSpec().getSelector().getMatchLabels(), "PDB " + pdb.getMetadata().getName());
        }
        for (Map<String, Object> scaled : rendered.ofKind("ScaledObject")) {
            assertThat(deployments).as("ScaledObject " + Tree.text(scaled, "metadata.name"))
                    .containsKey(Tree.text(scaled, "spec.scaleTargetRef.name"));
            assertThat(rendered.ofKind("HorizontalPodAutoscaler")).as("KEDA's own HPA replaces the CPU HPA")
                    .noneMatch(h -> Tree.text(h, "spec.scaleTargetRef.name").equals(Tree.text(scaled, "spec.scaleTargetRef.name")));
            String service = Tree.text(scaled, "metadata.name");
            assertThat(Tree.list(scaled, "spec.triggers")).anyMatch(t -> String.valueOf(Tree.at(t, "metadata.query"))
                    .contains("kafka_consumer_fetch_manager_records_lag") && String.valueOf(Tree.at(t, "metadata.query"))
                    .contains("consumer_group=~\"" + service + "-.*\""));
        }
    }

    @Test
    @DisplayName("issue 17: dev runs one replica and one broker; prod three brokers, 12 partitions per topic and .DLT, HPA and PDB for every Deployment, spread across zones")
    void devAndProd() {
        Manifests.Rendered dev = Manifests.render("dev");
        Manifests.Rendered prod = Manifests.render("prod");
        assertThat(dev.ofKind("Deployment")).allMatch(d -> ((Deployment) TypedModels.parse(d)).getSpec().getReplicas() == 1);
        assertThat(((KafkaNodePool) TypedModels.parse(dev.ofKind("KafkaNodePool").getFirst())).getSpec().getReplicas()).isEqualTo(1);
        assertThat(dev.ofKind("HorizontalPodAutoscaler")).isEmpty();
        assertThat(prod.ofKind("KafkaNodePool").stream().mapToInt(p -> ((KafkaNodePool) TypedModels.parse(p)).getSpec().getReplicas()).sum())
                .isEqualTo(3);
        assertThat(Tree.text(prod.ofKind("Kafka").getFirst(), "spec.kafka.rack.topologyKey")).isEqualTo("topology.kubernetes.io/zone");
        for (Map<String, Object> document : prod.ofKind("KafkaTopic")) {
            KafkaTopic topic = (KafkaTopic) TypedModels.parse(document);
            assertThat(topic.getSpec().getPartitions()).as(topic.getSpec().getTopicName()).isEqualTo(12);
            assertThat(topic.getSpec().getReplicas()).as(topic.getSpec().getTopicName()).isEqualTo(3);
        }
        Set<String> hpaTargets = prod.ofKind("HorizontalPodAutoscaler").stream().map(h -> Tree.text(h, "spec.scaleTargetRef.name")).collect(Collectors.toSet());
        assertThat(hpaTargets).containsExactlyInAnyOrderElementsOf(DEPLOYMENTS);
        assertThat(prod.ofKind("PodDisruptionBudget")).hasSize(DEPLOYMENTS.size());
        for (Map<String, Object> document : prod.ofKind("Deployment")) {
            Deployment deployment = (Deployment) TypedModels.parse(document);
            assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
            assertThat(deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
                    .as(deployment.getMetadata().getName())
                    .anyMatch(c -> c.getTopologyKey().equals("topology.kubernetes.io/zone")
                            && c.getMatchLabelKeys().contains("app.kubernetes.io/name"));
        }
        // the Kafka the services and Connect reach: every ConfigMap's bootstrap server is this cluster's listener
        String kafka = Tree.text(prod.ofKind("Kafka").getFirst(), "metadata.name");
        int port = Integer.parseInt(Tree.text(Tree.list(prod.ofKind("Kafka").getFirst(), "spec.kafka.listeners").getFirst(), "port"));
        for (String service : ServiceSources.SERVICES) {
            Deployment deployment = (Deployment) TypedModels.parse(prod.get("Deployment", service));
            assertThat(Tree.text(appConfig(prod, deployment), "spring.kafka.bootstrap-servers"))
                    .isEqualTo(kafka + "-kafka-bootstrap:" + port);
        }
    }

    @Test
    @DisplayName("issue 17: the gateway's routes name the services' Kubernetes Services and ports, under the keys gateway.yml reads")
    void gatewayRoutes() throws Exception {
        Manifests.Rendered rendered = Manifests.render("prod");
        Deployment gateway = (Deployment) TypedModels.parse(rendered.get("Deployment", "gateway"));
        Map<String, Object> config = appConfig(rendered, gateway);
        String gatewayYml = java.nio.file.Files.readString(Manifests.repositoryRoot().resolve("gateway/src/main/resources/gateway.yml"));
        for (String service : ServiceSources.SERVICES) {
            String key = "aftersales.gateway." + service + "-uri";
            assertThat(gatewayYml).as("gateway.yml reads " + key).contains("${" + key + ":");
            java.net.URI uri = java.net.URI.create(Tree.text(config, "aftersales.gateway." + service + "-uri"));
            Service target = (Service) TypedModels.parse(rendered.get("Service", uri.getHost()));
            assertThat(target.getSpec().getPorts().getFirst().getPort()).as(key).isEqualTo(uri.getPort());
        }
        assertThat(rendered.ofKind("Ingress")).singleElement().satisfies(ingress -> assertThat(
                Tree.text(Tree.list(Tree.list(ingress, "spec.rules").getFirst(), "http.paths").getFirst(), "backend.service.name"))
                .isEqualTo("gateway"));
    }

    private static void probe(String name, String kind, Probe probe, String path) {
        assertThat(probe).as(name + " " + kind + "Probe").isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(name + " " + kind + "Probe").isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).as(name + " " + kind + "Probe port").isEqualTo("http");
    }

    private static Deployment selected(Map<String, Deployment> deployments, Map<String, String> selector, String what) {
        assertThat(selector).as(what + " selector").isNotEmpty();
        List<Deployment> matching = deployments.values().stream()
                .filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(selector.entrySet())).toList();
        assertThat(matching).as(what + " selects one Deployment").hasSize(1);
        return matching.getFirst();
    }

    /** The yml the pod imports (SPRING_CONFIG_IMPORT), from the ConfigMap mounted at /config. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> appConfig(Manifests.Rendered rendered, Deployment deployment) {
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        String volume = pod.getContainers().getFirst().getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/config"))
                .findFirst().orElseThrow().getName();
        String configMap = pod.getVolumes().stream().filter(v -> v.getName().equals(volume)).findFirst().orElseThrow()
                .getConfigMap().getName();
        ConfigMap map = (ConfigMap) TypedModels.parse(rendered.get("ConfigMap", configMap));
        return Manifests.YAML.readValue(map.getData().get("k8s.yml"), Map.class);
    }

    private static Map<String, Object> serviceYml(String name) {
        if (name.equals("gateway")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> yml = Manifests.YAML.readValue(
                    Manifests.repositoryRoot().resolve("gateway/src/main/resources/gateway.yml").toFile(), Map.class);
            return yml;
        }
        return ServiceSources.of(name).configuration();
    }

    private static int applicationPort(String name) {
        return Integer.parseInt(Tree.text(serviceYml(name), "server.port"));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("com.opensvc.aftersales.k8s.Manifests#OVERLAYS")
    @DisplayName("issue 17 SEC-01: the ingress (or the HTTPRoute) exposes the gateway's API, its documents and the Swagger UI only — never /actuator (metrics are scraped inside the cluster without a token)")
    void ingressExposesTheApiOnly(String overlay) {
        Manifests.Rendered rendered = Manifests.render(overlay);
        List<String> paths = rendered.ofKind("Ingress").stream()
                .map(ingress -> (io.fabric8.kubernetes.api.model.networking.v1.Ingress) TypedModels.parse(ingress))
                .flatMap(ingress -> ingress.getSpec().getRules().stream())
                .flatMap(rule -> rule.getHttp().getPaths().stream())
                .peek(path -> assertThat(path.getBackend().getService().getName()).isEqualTo("gateway"))
                .map(path -> path.getPath()).collect(Collectors.toCollection(java.util.ArrayList::new));
        rendered.ofKind("HTTPRoute").stream()
                .map(route -> (io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute) TypedModels.parse(route))
                .flatMap(route -> route.getSpec().getRules().stream())
                .peek(rule -> assertThat(rule.getBackendRefs()).extracting(ref -> ref.getName()).containsOnly("gateway"))
                .flatMap(rule -> rule.getMatches().stream())
                .forEach(match -> paths.add(match.getPath().getValue()));
        assertThat(paths).containsExactlyInAnyOrder("/api", "/v3/api-docs", "/swagger-ui", "/swagger-ui.html");
    }

    private static String imageUser() {
        try {
            String pom = java.nio.file.Files.readString(Manifests.repositoryRoot().resolve("pom.xml"));
            java.util.regex.Matcher user = java.util.regex.Pattern.compile("<image.user>([^<]+)</image.user>").matcher(pom);
            assertThat(user.find()).as("image.user in the parent POM").isTrue();
            return user.group(1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
