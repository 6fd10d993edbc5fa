package com.opensvc.aftersales.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service really publishes and consumes, read from what it runs with, never from a second list: its
 * {@code <service>.yml} ({@code aftersales.messaging.owned-topics}/{@code consumed-topics}, {@code server.port}), its
 * Debezium properties (the EventRouter's topic replacement) and its code (each topic interface's
 * {@code AGGREGATE_TYPE}, each listener's {@code inbound.consumer(group, topics…)}).
 */
record ServiceSources(String service, Path module) {
    static final List<String> SERVICES = List.of("intake", "dispatch", "parts", "quality", "revisit");
    private static final Pattern CONSTANT = Pattern.compile("(?:static\\s+final\\s+)?String\\s+([A-Z_]+)\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CONSUMER = Pattern.compile("inbound\\.consumer\\(([^)]*)\\)");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]+)\"|(\\w+)");

    static ServiceSources of(String service) {
        return new ServiceSources(service, Manifests.repositoryRoot().resolve(service + "-service"));
    }

    /** The service's own yml as a tree. */
    @SuppressWarnings("unchecked")
    Map<String, Object> configuration() {
        try {
            return Manifests.YAML.readValue(module.resolve("src/main/resources/" + service + ".yml").toFile(),
                    LinkedHashMap.class);
        } catch (tools.jackson.core.JacksonException e) {
            throw new AssertionError(e);
        }
    }

    List<String> ownedTopics() {
        return split(Tree.text(configuration(), "aftersales.messaging.owned-topics"));
    }

    List<String> consumedTopics() {
        return split(Tree.text(configuration(), "aftersales.messaging.consumed-topics"));
    }

    int port() {
        return Integer.parseInt(Tree.text(configuration(), "server.port"));
    }

    /** The topics its outbox rows are routed to: Debezium's replacement of each AGGREGATE_TYPE in its code. */
    Set<String> routedTopics() {
        Properties debezium = new Properties();
        try {
            debezium.load(new StringReader(Files.readString(
                    module.resolve("src/main/resources/debezium/" + service + "-outbox.properties"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String replacement = debezium.getProperty("transforms.outbox.route.topic.replacement");
        Set<String> topics = new TreeSet<>();
        for (String source : sources()) {
            Matcher constant = CONSTANT.matcher(source);
            while (constant.find()) {
                if (constant.group(1).equals("AGGREGATE_TYPE")) {
                    topics.add(replacement.replace("${routedByValue}", constant.group(2)));
                }
            }
        }
        return topics;
    }

    /** Consumer group → the topics it reads, from every {@code inbound.consumer(…)} in the code. */
    Map<String, Set<String>> consumerGroups() {
        Map<String, Set<String>> groups = new HashMap<>();
        for (String source : sources()) {
            Map<String, String> constants = new HashMap<>();
            Matcher constant = CONSTANT.matcher(source);
            while (constant.find()) {
                constants.put(constant.group(1), constant.group(2));
            }
            Matcher consumer = CONSUMER.matcher(source);
            while (consumer.find()) {
                List<String> arguments = LITERAL.matcher(consumer.group(1)).results()
                        .map(m -> m.group(1) != null ? m.group(1) : constants.get(m.group(2))).toList();
                if (arguments.contains(null)) {
                    throw new AssertionError(service + ": cannot read " + consumer.group());
                }
                groups.computeIfAbsent(arguments.getFirst(), g -> new TreeSet<>())
                        .addAll(arguments.subList(1, arguments.size()));
            }
        }
        return groups;
    }

    private List<String> sources() {
        try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
            return files.filter(f -> f.toString().endsWith(".java")).map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> split(String list) {
        return list == null ? List.of() : Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
