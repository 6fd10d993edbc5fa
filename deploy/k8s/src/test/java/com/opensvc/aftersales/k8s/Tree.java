package com.opensvc.aftersales.k8s;

import java.util.List;
import java.util.Map;

/** Reads a dotted path out of a YAML/JSON tree of maps and lists ({@code spec.template.spec.containers}). */
final class Tree {
    private Tree() {
    }

    static Object at(Object tree, String path) {
        Object node = tree;
        for (String key : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object tree, String path) {
        Object node = at(tree, path);
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object tree, String path) {
        Object node = at(tree, path);
        return node instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    static String text(Object tree, String path) {
        Object node = at(tree, path);
        return node == null ? null : String.valueOf(node);
    }
}
