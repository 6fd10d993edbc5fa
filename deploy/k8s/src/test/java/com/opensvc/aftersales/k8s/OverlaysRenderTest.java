package com.opensvc.aftersales.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class OverlaysRenderTest {

    @ParameterizedTest(name = "{0}")
    @FieldSource("com.opensvc.aftersales.k8s.Manifests#OVERLAYS")
    @DisplayName("issue 17: the overlay renders with kubectl kustomize and every document parses into its typed model, unknown fields failing")
    void rendersAndParsesStrictly(String overlay) {
        Manifests.Rendered rendered = Manifests.render(overlay);
        System.out.println("deploy/k8s overlays/" + overlay + ": " + rendered.documents().size() + " resources "
                + rendered.counts());
        List<String> failures = new ArrayList<>();
        for (Map<String, Object> document : rendered.documents()) {
            try {
                TypedModels.parse(document);
            } catch (AssertionError | RuntimeException e) {
                failures.add(e.getMessage());
            }
        }
        assertThat(failures).as(overlay).isEmpty();
        assertThat(rendered.counts()).containsKeys("Deployment", "Service", "ServiceAccount", "ConfigMap", "Kafka",
                "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster", "KafkaConnect", "KafkaConnector");
        assertThat(rendered.counts().getOrDefault("Ingress", 0)
                + rendered.counts().getOrDefault("HTTPRoute", 0)).as(overlay + ": one front door").isEqualTo(1);
    }

    @org.junit.jupiter.api.Test
    @DisplayName("issue 17: a field no model knows fails the strict parse (a typo is not silently dropped)")
    void unknownFieldsFail() {
        Map<String, Object> deployment = Manifests.render("dev").get("Deployment", "intake");
        Map<String, Object> typo = Manifests.YAML.readValue(Manifests.YAML.writeValueAsString(deployment)
                .replace("readOnlyRootFilesystem", "readOnlyRootFileSystem"), Map.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TypedModels.parse(typo))
                .hasMessageContaining("readOnlyRootFileSystem");
        Map<String, Object> topic = Manifests.render("dev").ofKind("KafkaTopic").getFirst();
        Map<String, Object> topicTypo = Manifests.YAML.readValue(Manifests.YAML.writeValueAsString(topic)
                .replace("partitions:", "partition:"), Map.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TypedModels.parse(topicTypo))
                .hasMessageContaining("partition");
        Map<String, Object> cluster = Manifests.render("dev").ofKind("Cluster").getFirst();
        Map<String, Object> clusterTypo = Manifests.YAML.readValue(Manifests.YAML.writeValueAsString(cluster)
                .replace("imageName", "image"), Map.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TypedModels.parse(clusterTypo))
                .hasMessageContaining("image");
    }
}
