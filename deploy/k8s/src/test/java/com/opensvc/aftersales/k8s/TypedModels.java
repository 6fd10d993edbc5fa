package com.opensvc.aftersales.k8s;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.connect.KafkaConnect;
import io.strimzi.api.kafka.model.connector.KafkaConnector;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Every rendered document into its typed model with unknown fields failing (issue 17): Kubernetes kinds into fabric8's
 * model, Strimzi's into its {@code io.strimzi:api} classes (read with Jackson 2, whose annotations they carry), and
 * the two kinds without a Java model here (CloudNativePG's Cluster, KEDA's ScaledObject) against {@link CrdSchemas}.
 * Both models keep a field they do not know in an "additional properties" map instead of refusing it, so strictness is
 * checked on the parsed object: every such map, at any depth, must be empty.
 */
final class TypedModels {
    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();
    private static final JsonMapper STRIMZI = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final Map<String, Class<?>> STRIMZI_KINDS = Map.of(
            "Kafka", Kafka.class, "KafkaNodePool", KafkaNodePool.class, "KafkaTopic", KafkaTopic.class,
            "KafkaUser", KafkaUser.class, "KafkaConnect", KafkaConnect.class, "KafkaConnector", KafkaConnector.class);

    private TypedModels() {
    }

    /** The document as its typed model; an AssertionError names the document and every unknown field. */
    static Object parse(Map<String, Object> document) {
        String kind = String.valueOf(document.get("kind"));
        String apiVersion = String.valueOf(document.get("apiVersion"));
        String id = kind + " " + Tree.text(document, "metadata.name");
        Object typed;
        if (apiVersion.startsWith("kafka.strimzi.io/")) {
            Class<?> type = STRIMZI_KINDS.get(kind);
            if (type == null) {
                throw new AssertionError(id + ": no Strimzi model for this kind");
            }
            typed = STRIMZI.convertValue(document, type);
            HasMetadata resource = (HasMetadata) typed;
            if (!apiVersion.equals(resource.getApiVersion())) {
                throw new AssertionError(id + ": apiVersion " + apiVersion + ", Strimzi's model is " + resource.getApiVersion());
            }
        } else if (CrdSchemas.knows(apiVersion, kind)) {
            CrdSchemas.check(document);
            return document;
        } else {
            typed = KUBERNETES.unmarshal(KUBERNETES.asJson(document));
            if (typed instanceof GenericKubernetesResource) {
                throw new AssertionError(id + ": " + apiVersion + " is no kind of fabric8's Kubernetes model");
            }
        }
        List<String> unknown = new ArrayList<>();
        walk(typed, kind, unknown, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        if (!unknown.isEmpty()) {
            throw new AssertionError(id + ": fields the model does not know: " + unknown);
        }
        return typed;
    }

    private static void walk(Object node, String path, List<String> unknown, Set<Object> seen) {
        if (node == null || node instanceof String || node instanceof Number || node instanceof Boolean
                || node instanceof Enum<?> || !seen.add(node)) {
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> walk(value, path + "." + key, unknown, seen));
            return;
        }
        if (node instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                walk(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        String pkg = node.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8.") && !pkg.startsWith("io.strimzi.")) {
            return;
        }
        for (Method method : node.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
                    || !method.getName().startsWith("get") || method.getName().equals("getClass")
                    || method.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = method.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                continue;
            }
            if (method.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                }
                continue;
            }
            String property = Character.toLowerCase(method.getName().charAt(3)) + method.getName().substring(4);
            walk(value, path + "." + property, unknown, seen);
        }
    }
}
