package com.opensvc.aftersales.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields deploy/k8s may use of the two custom resources without a Java model on Maven Central: CloudNativePG's
 * {@code Cluster} (postgresql.cnpg.io/v1) and KEDA's {@code ScaledObject} (keda.sh/v1alpha1), taken from their CRDs.
 * A field outside this list fails (a typo would otherwise be dropped by the API server's pruning); a value marked
 * {@link #ANY} is free-form in the CRD (PostgreSQL parameters, a trigger's metadata).
 */
final class CrdSchemas {
    static final Object ANY = "*";
    private static final Map<String, Object> METADATA = Map.of("name", ANY, "namespace", ANY, "labels", ANY,
            "annotations", ANY);
    private static final Map<String, Map<String, Object>> SCHEMAS = Map.of(
            "postgresql.cnpg.io/v1 Cluster", Map.of("apiVersion", ANY, "kind", ANY, "metadata", METADATA, "spec", Map.ofEntries(
                    Map.entry("instances", ANY), Map.entry("imageName", ANY), Map.entry("description", ANY),
                    Map.entry("storage", Map.of("size", ANY, "storageClass", ANY)),
                    Map.entry("walStorage", Map.of("size", ANY, "storageClass", ANY)),
                    Map.entry("postgresql", Map.of("parameters", ANY, "pg_hba", ANY, "synchronous", ANY)),
                    Map.entry("bootstrap", Map.of("initdb", Map.of("database", ANY, "owner", ANY,
                            "secret", Map.of("name", ANY), "encoding", ANY, "localeCollate", ANY, "localeCType", ANY))),
                    Map.entry("managed", Map.of("roles", List.of(Map.ofEntries(Map.entry("name", ANY),
                            Map.entry("ensure", ANY), Map.entry("login", ANY), Map.entry("replication", ANY),
                            Map.entry("superuser", ANY), Map.entry("createdb", ANY), Map.entry("createrole", ANY),
                            Map.entry("inherit", ANY), Map.entry("bypassrls", ANY), Map.entry("comment", ANY),
                            Map.entry("connectionLimit", ANY), Map.entry("inRoles", ANY),
                            Map.entry("disablePassword", ANY), Map.entry("validUntil", ANY),
                            Map.entry("passwordSecret", Map.of("name", ANY)))))),
                    Map.entry("resources", ANY), Map.entry("affinity", ANY), Map.entry("monitoring", ANY),
                    Map.entry("replicationSlots", ANY), Map.entry("backup", ANY), Map.entry("primaryUpdateStrategy", ANY),
                    Map.entry("enableSuperuserAccess", ANY), Map.entry("topologySpreadConstraints", ANY))),
            "keda.sh/v1alpha1 ScaledObject", Map.of("apiVersion", ANY, "kind", ANY, "metadata", METADATA, "spec", Map.ofEntries(
                    Map.entry("scaleTargetRef", Map.of("name", ANY, "kind", ANY, "apiVersion", ANY,
                            "envSourceContainerName", ANY)),
                    Map.entry("minReplicaCount", ANY), Map.entry("maxReplicaCount", ANY), Map.entry("idleReplicaCount", ANY),
                    Map.entry("cooldownPeriod", ANY), Map.entry("pollingInterval", ANY), Map.entry("fallback", ANY),
                    Map.entry("advanced", ANY),
                    Map.entry("triggers", List.of(Map.of("type", ANY, "metadata", ANY, "metricType", ANY, "name", ANY,
                            "authenticationRef", Map.of("name", ANY, "kind", ANY), "useCachedMetrics", ANY))))));
    /** What each kind cannot go without. */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "postgresql.cnpg.io/v1 Cluster", List.of("metadata.name", "spec.instances", "spec.storage.size"),
            "keda.sh/v1alpha1 ScaledObject", List.of("metadata.name", "spec.scaleTargetRef.name", "spec.triggers"));

    private CrdSchemas() {
    }

    static boolean knows(String apiVersion, String kind) {
        return SCHEMAS.containsKey(apiVersion + " " + kind);
    }

    static void check(Map<String, Object> document) {
        String key = document.get("apiVersion") + " " + document.get("kind");
        String id = key + " " + Tree.text(document, "metadata.name");
        List<String> unknown = new ArrayList<>();
        check(document, SCHEMAS.get(key), document.get("kind").toString(), unknown);
        if (!unknown.isEmpty()) {
            throw new AssertionError(id + ": fields the CRD does not have: " + unknown);
        }
        for (String path : REQUIRED.get(key)) {
            if (Tree.at(document, path) == null) {
                throw new AssertionError(id + ": " + path + " is required");
            }
        }
    }

    private static void check(Object node, Object schema, String path, List<String> unknown) {
        if (schema == ANY || node == null) {
            return;
        }
        if (schema instanceof List<?> items) {
            if (!(node instanceof List<?> list)) {
                unknown.add(path + " (a list)");
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                check(list.get(i), items.getFirst(), path + "[" + i + "]", unknown);
            }
            return;
        }
        Map<?, ?> fields = (Map<?, ?>) schema;
        if (!(node instanceof Map<?, ?> map)) {
            unknown.add(path + " (an object)");
            return;
        }
        map.forEach((name, value) -> {
            if (!fields.containsKey(name)) {
                unknown.add(path + "." + name);
            } else {
                check(value, fields.get(name), path + "." + name, unknown);
            }
        });
    }
}
