package com.opensvc.aftersales.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.opensvc.aftersales.local.issuer.DemoClients;
import com.opensvc.aftersales.testkit.EmbeddedPlatform;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 16, "bad input never breaks it": reads every service's OpenAPI document and sends every operation, through
 * the gateway and with the token of a role allowed to call it, bounded and seeded bad input — malformed JSON, wrong
 * types, missing required fields, 1 MB strings, control characters and NUL, invalid dates and dates at the ISO edges,
 * bad enums and UUIDs, negative and huge paging, an unknown charset, injection strings. Any 5xx, any 4xx that is not
 * {@code application/problem+json}, any stack trace or SQL in a body and any request slower than a few seconds fails
 * the test, with the seed that reproduces it ({@code -Daftersales.fuzz.seed=…}).
 */
@EmbeddedPlatform(services = {"intake", "dispatch", "parts", "quality", "revisit"})
@ExtendWith(RunningPlatform.class)
class OpenApiFuzzTest {
    private static final long SEED = Long.getLong("aftersales.fuzz.seed", 16L);
    /** Inputs per operation at most, besides the role probes (bounded: the whole run stays well under 3 minutes). */
    private static final int INPUTS_PER_OPERATION = Integer.getInteger("aftersales.fuzz.inputs-per-operation", 16);
    /** Operations fuzzed at once: the platform's own threads are virtual, the machine has 2 cores. */
    private static final int PARALLEL = Integer.getInteger("aftersales.fuzz.parallel", 3);
    private static final Duration SLOW = Duration.ofSeconds(Long.getLong("aftersales.fuzz.slow-seconds", 5));
    private static final List<String> INJECTIONS = List.of("' OR 1=1 --", "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/a}", "'; DROP TABLE ticket; --", "../../etc/passwd", "%s%n%x");
    private static final List<String> SIGNS_OF_A_LEAK = List.of("Exception", "at com.", "at org.", "at java.",
            "SELECT ", "INSERT INTO", "PSQLException", "org.postgresql", "SQL state", "tools.jackson",
            "com.fasterxml");
    private static final String RAW = "\"__raw_json__\"";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static PlatformClient client;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void connect(PlatformClient platform) {
        client = platform;
    }

    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    record Operation(String service, String method, String path, List<Parameter> parameters, String contentType,
                     JsonNode bodySchema, JsonNode components) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** One generated input: what it is, and the request it makes. */
    record Input(String kind, String method, String pathAndQuery, String contentType, byte[] body,
                 Map<String, String> headers) {
    }

    record Finding(Operation operation, String role, Input input, int status, String contentType, long millis,
                   String why, String body) {
        @Override
        public String toString() {
            return operation + " as " + role + " with " + input.kind() + " → " + status + " " + contentType + " in "
                    + millis + " ms: " + why + (body.isEmpty() ? "" : "\n      body: " + body);
        }
    }

    @Test
    @DisplayName("issue 16 bad input never breaks it: every operation of every service, fuzzed through the gateway, "
            + "answers a problem report — never a 5xx, a stack trace, SQL or a slow answer")
    void badInputNeverBreaksIt() throws Exception {
        List<Operation> operations = new ArrayList<>();
        for (String service : PlatformApplications.SERVICES) {
            operations.addAll(operationsOf(service));
        }
        assertThat(operations).as("operations in the OpenAPI documents").hasSizeGreaterThan(50);

        List<Finding> findings = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger inputs = new java.util.concurrent.atomic.AtomicInteger();
        long started = System.nanoTime();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(PARALLEL);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            Operation operation = operations.get(i);
            Random random = new Random(SEED * 31 + i);   // per operation: the same inputs whatever the threads do
            done.add(pool.submit(() -> {
                fuzz(operation, random, calls, inputs, findings);
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.printf("OpenApiFuzzTest seed %d: %d operations, %d calls, %d generated inputs, %d s, %d findings%n",
                SEED, operations.size(), calls.get(), inputs.get(), seconds, findings.size());
        assertThat(findings).as("seed " + SEED + " (-Daftersales.fuzz.seed=" + SEED + "): " + operations.size()
                + " operations, " + calls + " calls, " + inputs + " generated inputs; findings:\n  "
                + String.join("\n  ", findings.stream().map(Finding::toString).toList())).isEmpty();
    }

    private void fuzz(Operation operation, Random random, java.util.concurrent.atomic.AtomicInteger calls,
                      java.util.concurrent.atomic.AtomicInteger inputs, List<Finding> findings) throws Exception {
        components.set(operation.components());
        ObjectNode valid = operation.bodySchema() == null ? null : (ObjectNode) wrap(sample(operation.bodySchema(), 0));
        Input baseline = baseline(operation, valid);
        String role = null;
        for (String candidate : DemoClients.ROLES) {
            calls.incrementAndGet();
            Answer answer = send(baseline, token(candidate));
            check(operation, candidate, baseline, answer, findings);
            if (answer.status() != 403) {
                role = candidate;
                break;
            }
        }
        if (role == null) {
            role = "ADMIN";   // no role gets past the checks with this baseline; still every input must be refused well
        }
        for (Input input : inputs(operation, valid, random)) {
            inputs.incrementAndGet();
            calls.incrementAndGet();
            check(operation, role, input, send(input, token(role)), findings);
        }
    }

    // --- the OpenAPI documents --------------------------------------------------------------------------------------

    /** The schemas of the document the current operation comes from. */
    private final ThreadLocal<JsonNode> components = new ThreadLocal<>();

    private List<Operation> operationsOf(String service) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + client.servicePorts().get(service) + "/v3/api-docs"))
                .header("Authorization", "Bearer " + token("ADMIN")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(service + " /v3/api-docs").isEqualTo(200);
        JsonNode document = JSON.readTree(response.body());
        components.set(document.path("components").path("schemas"));
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (!List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    continue;
                }
                JsonNode op = method.getValue();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode p : op.path("parameters")) {
                    parameters.add(new Parameter(p.path("name").asString(), p.path("in").asString(),
                            p.path("required").asBoolean(false), resolve(p.path("schema"))));
                }
                String contentType = null;
                JsonNode bodySchema = null;
                JsonNode content = op.path("requestBody").path("content");
                if (!content.isMissingNode()) {
                    Iterator<String> types = content.propertyNames().iterator();
                    contentType = types.hasNext() ? types.next() : null;
                    if (contentType != null && contentType.contains("json")) {
                        bodySchema = resolve(content.path(contentType).path("schema"));
                    }
                }
                operations.add(new Operation(service, method.getKey().toUpperCase(), path.getKey(), parameters,
                        contentType, bodySchema, components.get()));
            }
        }
        return operations;
    }

    private JsonNode resolve(JsonNode schema) {
        for (int depth = 0; depth < 10 && schema.has("$ref"); depth++) {
            String ref = schema.get("$ref").asString();
            schema = components.get().path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (schema.has("allOf") || schema.has("oneOf") || schema.has("anyOf")) {
            JsonNode parts = schema.has("allOf") ? schema.get("allOf")
                    : schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
            ObjectNode merged = NODES.objectNode();
            ObjectNode properties = merged.putObject("properties");
            ArrayNode required = merged.putArray("required");
            merged.put("type", "object");
            for (JsonNode part : parts) {
                JsonNode resolved = resolve(part);
                if (!"object".equals(type(resolved))) {
                    return resolved;
                }
                resolved.path("properties").properties().forEach(e -> properties.set(e.getKey(), e.getValue()));
                resolved.path("required").forEach(required::add);
            }
            return merged;
        }
        return schema;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asString())) {
                    return t.asString();
                }
            }
        }
        if (type.isMissingNode() && schema.has("properties")) {
            return "object";
        }
        return type.isMissingNode() ? "string" : type.asString();
    }

    /** A valid-looking value of the schema: what the mutations start from. */
    private JsonNode sample(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0);
        }
        String format = schema.path("format").asString("");
        return switch (type(schema)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    schema.path("properties").properties().forEach(e -> object.set(e.getKey(), sample(e.getValue(), depth + 1)));
                    if (schema.path("additionalProperties").isObject() && !schema.has("properties")) {
                        object.set("key", sample(schema.get("additionalProperties"), depth + 1));
                    }
                }
                yield object;
            }
            case "array" -> NODES.arrayNode().add(sample(schema.path("items"), depth + 1));
            case "integer" -> NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            case "number" -> NODES.numberNode(Math.max(1, schema.path("minimum").asDouble(1)));
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.stringNode(switch (format) {
                case "uuid" -> UUID.randomUUID().toString();
                case "date" -> "2026-01-15";
                case "date-time" -> "2026-01-15T10:00:00Z";
                case "email" -> "fuzz@example.com";
                case "binary" -> "AAAA";
                default -> "fuzz";
            });
        };
    }

    /** A body that is not an object (a list, a string) is fuzzed as the one field {@code value} of a wrapper. */
    private static JsonNode wrap(JsonNode body) {
        if (body instanceof ObjectNode) {
            return body;
        }
        ObjectNode wrapper = NODES.objectNode();
        wrapper.set("__value__", body);
        return wrapper;
    }

    private static JsonNode unwrap(ObjectNode body) {
        return body.has("__value__") && body.size() == 1 ? body.get("__value__") : body;
    }

    // --- the inputs ---------------------------------------------------------------------------------------------------

    private Input baseline(Operation operation, ObjectNode body) {
        return request(operation, "baseline", Map.of(), body == null ? null : json(unwrap(body)), null);
    }

    private List<Input> inputs(Operation operation, ObjectNode valid, Random random) {
        List<Input> structural = new ArrayList<>();
        List<Input> more = new ArrayList<>();
        // parameters: wrong types, bad UUIDs, dates, enums, paging, control characters, NUL, injection
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("header")) {
                for (String value : List.of("' OR 1=1 --", "\"not-an-etag", "x".repeat(4000))) {
                    more.add(request(operation, "header " + parameter.name() + "=" + abbreviated(value),
                            Map.of(), json(valid), Map.of(parameter.name(), value)));
                }
                continue;
            }
            for (String value : badValues(parameter.schema(), parameter.name())) {
                more.add(request(operation, parameter.in() + " " + parameter.name() + "=" + abbreviated(value),
                        Map.of(parameter.name(), value), json(valid), null));
            }
        }
        if (operation.parameters().stream().anyMatch(p -> p.name().equals("page"))) {
            structural.add(request(operation, "page=-1", Map.of("page", "-1"), null, null));
            structural.add(request(operation, "size=100000000", Map.of("size", "100000000"), null, null));
            structural.add(request(operation, "page=99999999999999999999&size=-5",
                    Map.of("page", "99999999999999999999", "size", "-5"), null, null));
        }
        if (operation.contentType() != null && !operation.contentType().contains("json")) {
            structural.add(request(operation, "JSON to a " + operation.contentType() + " operation", Map.of(),
                    "{\"a\":1}".getBytes(StandardCharsets.UTF_8), null));
            structural.add(withContentType(request(operation, operation.contentType() + " without a boundary",
                    Map.of(), "garbage".getBytes(StandardCharsets.UTF_8), null), operation.contentType()));
            structural.add(withContentType(request(operation, operation.contentType() + " with a broken part",
                    Map.of(), "--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc".getBytes(
                            StandardCharsets.UTF_8), null), operation.contentType() + "; boundary=b"));
        }
        if (valid != null) {
            // malformed JSON and the wrong shape of body
            List<String> malformedJson = new ArrayList<>(List.of("{", "{\"a\":", "[1,2", "nul", "", "\"text\"", "[]",
                    "123", "{\"a\":1}}", "{\"a\" 1}", "{\"a\":\"\u0001\u0000\"}", "\uFEFF{}", "{\"a\":" + "[".repeat(3000)));
            java.util.Collections.shuffle(malformedJson, random);
            for (String malformed : malformedJson.subList(0, 5)) {
                structural.add(request(operation, "malformed JSON " + abbreviated(malformed), Map.of(),
                        malformed.getBytes(StandardCharsets.UTF_8), null));
            }
            structural.add(withContentType(request(operation, "charset=foo", Map.of(), json(valid), null),
                    "application/json; charset=foo"));
            structural.add(withContentType(request(operation, "text/plain", Map.of(), json(valid), null), "text/plain"));
            structural.add(withContentType(request(operation, "Content-Type ;;;", Map.of(), json(valid), null), ";;;"));
            structural.add(request(operation, "missing every field", Map.of(), json(NODES.objectNode()), null));
            // per field: wrong types, null, missing, control characters, huge strings, dates, enums, UUIDs, numbers
            List<List<Object>> leaves = new ArrayList<>();
            leaves(valid, new ArrayList<>(), leaves);
            for (List<Object> leaf : leaves) {
                JsonNode schema = schemaAt(operation.bodySchema(), leaf);
                List<JsonNode> values = badJson(schema);
                for (JsonNode value : values) {
                    ObjectNode mutated = valid.deepCopy();
                    set(mutated, leaf, value);
                    more.add(request(operation, "field " + name(leaf) + "=" + abbreviated(value.toString()), Map.of(),
                            rawJson(unwrap(mutated)), null));
                }
                ObjectNode missing = valid.deepCopy();
                remove(missing, leaf);
                more.add(request(operation, "field " + name(leaf) + " missing", Map.of(), json(unwrap(missing)), null));
            }
            if (!leaves.isEmpty()) {
                List<Object> leaf = leaves.get(random.nextInt(leaves.size()));
                ObjectNode huge = valid.deepCopy();
                set(huge, leaf, NODES.stringNode("x".repeat(1024 * 1024)));
                structural.add(request(operation, "field " + name(leaf) + " = 1 MB string", Map.of(),
                        json(unwrap(huge)), null));
            }
        }
        java.util.Collections.shuffle(more, random);
        List<Input> chosen = new ArrayList<>(structural);
        for (Input input : more) {
            if (chosen.size() >= Math.max(INPUTS_PER_OPERATION, structural.size())) {
                break;
            }
            chosen.add(input);
        }
        return chosen;
    }

    private List<String> badValues(JsonNode schema, String name) {
        List<String> values = new ArrayList<>(List.of("' OR 1=1 --", "<script>", "a\u0001b", "a\u0000b",
                "\u202Eevil", "x".repeat(3000)));
        String format = schema.path("format").asString("");
        switch (type(schema)) {
            case "integer", "number" -> values.addAll(List.of("abc", "1.5", "-1", "99999999999999999999", "1e400", "NaN"));
            case "boolean" -> values.add("maybe");
            case "array" -> values.addAll(badValues(schema.path("items"), name).subList(6, 
                    badValues(schema.path("items"), name).size()));
            default -> {
            }
        }
        switch (format) {
            case "uuid" -> values.addAll(List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000g", "", "${jndi:ldap://x/a}"));
            case "date" -> values.addAll(List.of("0000-01-01", "10000-01-01", "+10000-01-01", "2024-02-30", "2024-13-01", "yesterday"));
            case "date-time" -> values.addAll(List.of("0000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "2024-13-01T00:00:00Z", "now"));
            default -> {
            }
        }
        if (schema.has("enum")) {
            values.addAll(List.of("NOT_A_VALUE", "new", ""));
        }
        if (name.equals("yearMonth") || name.equals("month") || name.contains("Month")) {
            values.addAll(List.of("0000-01", "10000-01", "2024-13"));
        }
        return values;
    }

    private List<JsonNode> badJson(JsonNode schema) {
        schema = schema == null ? NODES.objectNode() : resolve(schema);
        List<JsonNode> values = new ArrayList<>(List.of(NODES.nullNode(), NODES.objectNode().put("nested", 1),
                NODES.arrayNode().add("a").addNull()));
        for (String injection : INJECTIONS) {
            values.add(NODES.stringNode(injection));
        }
        values.add(NODES.stringNode("a\u0000b"));
        values.add(NODES.stringNode("a\u0007\u001Bb\u009B"));
        values.add(NODES.stringNode("\u202Eevil\u2066"));
        values.add(NODES.stringNode("\uD800"));
        values.add(NODES.stringNode("x".repeat(5000)));
        values.add(NODES.stringNode(""));
        values.add(NODES.stringNode("   "));
        String format = schema.path("format").asString("");
        switch (type(schema)) {
            case "integer", "number" -> {
                values.addAll(List.of(NODES.stringNode("abc"), NODES.numberNode(-1), NODES.numberNode(1.5),
                        NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(Integer.MAX_VALUE), NODES.numberNode(0)));
                values.add(NODES.stringNode("__raw__99999999999999999999999"));
                values.add(NODES.stringNode("__raw__1e400"));
                values.add(NODES.stringNode("__raw__-0.000000000000000000000000001"));
            }
            case "boolean" -> values.addAll(List.of(NODES.stringNode("maybe"), NODES.numberNode(2)));
            case "string" -> values.addAll(List.of(NODES.numberNode(42), NODES.booleanNode(true)));
            default -> {
            }
        }
        switch (format) {
            case "uuid" -> values.addAll(List.of(NODES.stringNode("not-a-uuid"),
                    NODES.stringNode("00000000-0000-0000-0000-00000000000g"), NODES.stringNode("${jndi:ldap://x/a}")));
            case "date" -> values.addAll(List.of(NODES.stringNode("0000-01-01"), NODES.stringNode("10000-01-01"),
                    NODES.stringNode("+10000-01-01"), NODES.stringNode("2024-02-30"), NODES.stringNode("2024-13-01"),
                    NODES.stringNode("-0001-01-01")));
            case "date-time" -> values.addAll(List.of(NODES.stringNode("0000-01-01T00:00:00Z"),
                    NODES.stringNode("+10000-01-01T00:00:00Z"), NODES.stringNode("2024-13-01T00:00:00Z"),
                    NODES.stringNode("2024-01-01T25:00:00Z"), NODES.stringNode("-999999999-01-01T00:00:00Z")));
            default -> {
            }
        }
        if (schema.has("enum")) {
            values.addAll(List.of(NODES.stringNode("NOT_A_VALUE"), NODES.stringNode("new"),
                    NODES.stringNode("ÄÖÜ")));
        }
        return values;
    }

    private static void leaves(JsonNode node, List<Object> at, List<List<Object>> into) {
        if (node instanceof ObjectNode object && !object.isEmpty()) {
            object.properties().forEach(e -> {
                List<Object> next = new ArrayList<>(at);
                next.add(e.getKey());
                leaves(e.getValue(), next, into);
            });
            if (!at.isEmpty()) {
                into.add(at);
            }
        } else if (node instanceof ArrayNode array && !array.isEmpty()) {
            List<Object> next = new ArrayList<>(at);
            next.add(0);
            leaves(array.get(0), next, into);
            into.add(at);
        } else {
            into.add(at);
        }
    }

    private JsonNode schemaAt(JsonNode schema, List<Object> path) {
        for (Object step : path) {
            if (schema == null) {
                return null;
            }
            schema = resolve(schema);
            if (step.equals("__value__")) {
                continue;
            }
            schema = step instanceof Integer ? schema.get("items")
                    : schema.path("properties").has((String) step) ? schema.path("properties").get((String) step)
                    : schema.get("additionalProperties");
        }
        return schema == null ? null : resolve(schema);
    }

    private static void set(ObjectNode root, List<Object> path, JsonNode value) {
        JsonNode parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
        }
        Object last = path.getLast();
        if (parent instanceof ObjectNode object) {
            object.set((String) last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set((Integer) last, value);
        }
    }

    private static void remove(ObjectNode root, List<Object> path) {
        JsonNode parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
        }
        Object last = path.getLast();
        if (parent instanceof ObjectNode object) {
            object.remove((String) last);
        } else if (parent instanceof ArrayNode array) {
            array.remove((int) (Integer) last);
        }
    }

    private static String name(List<Object> path) {
        StringBuilder sb = new StringBuilder();
        for (Object step : path) {
            if (step.equals("__value__")) {
                sb.append("(body)");
            } else if (step instanceof Integer index) {
                sb.append('[').append(index).append(']');
            } else {
                sb.append(sb.isEmpty() ? "" : ".").append(step);
            }
        }
        return sb.toString();
    }

    private Input request(Operation operation, String kind, Map<String, String> overrides, byte[] body,
                          Map<String, String> headers) {
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        Map<String, String> requestHeaders = new LinkedHashMap<>();
        for (Parameter parameter : operation.parameters()) {
            String value = overrides.containsKey(parameter.name()) ? overrides.get(parameter.name())
                    : parameter.required() || parameter.in().equals("path") ? sample(parameter.schema(), 0).asString()
                    : null;
            if (value == null) {
                continue;
            }
            switch (parameter.in()) {
                case "path" -> path = path.replace("{" + parameter.name() + "}",
                        URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
                case "query" -> query.append(query.isEmpty() ? "?" : "&").append(parameter.name()).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                case "header" -> requestHeaders.put(parameter.name(), value);
                default -> {
                }
            }
        }
        overrides.forEach((name, value) -> {
            if (operation.parameters().stream().noneMatch(p -> p.name().equals(name))) {
                query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        if (headers != null) {
            requestHeaders.putAll(headers);
        }
        boolean hasBody = body != null && !operation.method().equals("GET") && !operation.method().equals("DELETE");
        return new Input(kind, operation.method(), path + query, hasBody ? "application/json" : null,
                hasBody ? body : null, requestHeaders);
    }

    private static Input withContentType(Input input, String contentType) {
        return new Input(input.kind(), input.method(), input.pathAndQuery(), contentType,
                input.body() == null ? new byte[0] : input.body(), input.headers());
    }

    private static byte[] json(JsonNode node) {
        return node == null ? null : JSON.writeValueAsBytes(node);
    }

    /** JSON with raw literals ({@code __raw__1e400}) that no node writes: numbers beyond every Java type. */
    private static byte[] rawJson(JsonNode node) {
        String text = JSON.writeValueAsString(node);
        text = text.replaceAll("\"__raw__([^\"]*)\"", "$1");
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviated(String value) {
        String printable = value.chars().mapToObj(c -> c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x2000 && c < 0x2070)
                || Character.isSurrogate((char) c) ? String.format("\\u%04X", c) : String.valueOf((char) c))
                .collect(java.util.stream.Collectors.joining());
        return printable.length() <= 40 ? printable : printable.substring(0, 30) + "…(" + value.length() + " chars)";
    }

    // --- sending and judging ------------------------------------------------------------------------------------------

    record Answer(int status, String contentType, String body, long millis) {
    }

    private Answer send(Input input, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + client.gatewayPort()
                        + input.pathAndQuery()))
                .timeout(SLOW.multipliedBy(3))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json");
        input.headers().forEach(builder::header);
        if (input.contentType() != null) {
            builder.header("Content-Type", input.contentType());
        }
        builder.method(input.method(), input.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(input.body()));
        long started = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    new String(response.body(), StandardCharsets.UTF_8), millis);
        } catch (java.net.http.HttpTimeoutException e) {
            return new Answer(-1, "", "no answer within " + SLOW.multipliedBy(3).toSeconds() + " s",
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        } catch (Exception e) {
            return new Answer(-2, "", "connection failed: " + e.getClass().getName(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
    }

    private static void check(Operation operation, String role, Input input, Answer answer, List<Finding> findings) {
        List<String> why = new ArrayList<>();
        if (answer.status() < 0 || answer.status() >= 500) {
            why.add(answer.status() < 0 ? "no answer" : "a 5xx");
        }
        if (answer.status() >= 400 && answer.status() < 500 && !answer.contentType().startsWith("application/problem+json")) {
            why.add("a 4xx that is not application/problem+json");
        }
        for (String leak : SIGNS_OF_A_LEAK) {
            if (answer.body().contains(leak)) {
                why.add("the body shows '" + leak + "'");
            }
        }
        if (answer.millis() > SLOW.toMillis()) {
            why.add("slower than " + SLOW.toSeconds() + " s");
        }
        if (!why.isEmpty()) {
            String body = answer.body().length() > 300 ? answer.body().substring(0, 300) + "…" : answer.body();
            findings.add(new Finding(operation, role, input, answer.status(), answer.contentType(), answer.millis(),
                    String.join(", ", why), body));
        }
    }

    private String token(String role) throws Exception {
        String clientId = role.equals("TECHNICIAN") ? DemoClients.TECHNICIANS.getFirst() : DemoClients.clientIdFor(role);
        String token = tokens.get(clientId);
        if (token == null) {
            token = client.token(clientId);
            tokens.put(clientId, token);
        }
        return token;
    }
}
