package com.opensvc.aftersales.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The JSON Schemas of all platform events, loaded from {@code events/*.schema.json} on the classpath.
 * Immutable and thread-safe once {@link #load()} returns.
 */
public final class EventContracts {

    public static final String CE_TYPE_PREFIX = "com.opensvc.aftersales.";

    private static final String INDEX = "events/index.txt";
    private static final String SCHEMA_SUFFIX = ".schema.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private record Contract(JsonSchema schema, List<String> examples) {
    }

    /** Keyed by event type, e.g. {@code TicketAccepted.v1}. */
    private final Map<String, Contract> contracts;

    private EventContracts(Map<String, Contract> contracts) {
        this.contracts = contracts;
    }

    /** Loads every schema listed in {@code events/index.txt}; fails if the index or a schema is missing or unreadable. */
    public static EventContracts load() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_PATH) // messages read "$.priority: ..." rather than "/priority: ..."
                .build();
        Map<String, Contract> contracts = new TreeMap<>();
        for (String file : readResource(INDEX).lines().map(String::strip).filter(line -> !line.isEmpty()).toList()) {
            if (!file.endsWith(SCHEMA_SUFFIX)) {
                throw new IllegalStateException(INDEX + " lists " + file + ", which is not a *" + SCHEMA_SUFFIX + " file");
            }
            JsonNode document = parseSchema("events/" + file);
            JsonSchema schema = factory.getSchema(document, config);
            // Resolve everything now so that concurrent validations share no lazy initialisation.
            schema.initializeValidators();
            List<String> examples = new ArrayList<>();
            document.path("examples").forEach(example -> examples.add(example.toString()));
            contracts.put(file.substring(0, file.length() - SCHEMA_SUFFIX.length()), new Contract(schema, List.copyOf(examples)));
        }
        return new EventContracts(Collections.unmodifiableMap(contracts));
    }

    /** The known event types, sorted, e.g. {@code TicketAccepted.v1}. */
    public Set<String> eventTypes() {
        return contracts.keySet();
    }

    /**
     * Validates an event body against the schema named by its CloudEvents type.
     *
     * @return human-readable violations; empty when the body is valid
     */
    public List<String> validate(String ceType, String json) {
        Contract contract = contract(ceType);
        if (contract == null) {
            return List.of("no schema exists for ce_type '" + ceType + "'");
        }
        JsonNode body;
        try {
            body = json == null ? null : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return List.of("malformed JSON: " + e.getOriginalMessage());
        }
        if (body == null || body.isMissingNode()) {
            return List.of("malformed JSON: the body is empty");
        }
        return contract.schema().validate(body).stream().map(ValidationMessage::getMessage).toList();
    }

    /**
     * The examples of the schema named by a CloudEvents type, each as a compact JSON string.
     *
     * @throws IllegalArgumentException when no schema exists for the type
     */
    public List<String> examples(String ceType) {
        Contract contract = contract(ceType);
        if (contract == null) {
            throw new IllegalArgumentException("no schema exists for ce_type '" + ceType + "'");
        }
        return contract.examples();
    }

    /** {@code ceType("TicketAccepted", 1)} is {@code com.opensvc.aftersales.TicketAccepted.v1}. */
    public static String ceType(String eventType, int version) {
        return CE_TYPE_PREFIX + eventType + ".v" + version;
    }

    private Contract contract(String ceType) {
        if (ceType == null || !ceType.startsWith(CE_TYPE_PREFIX)) {
            return null;
        }
        return contracts.get(ceType.substring(CE_TYPE_PREFIX.length()));
    }

    private static String readResource(String name) {
        try (InputStream in = EventContracts.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + name + " not found");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + name, e);
        }
    }

    private static JsonNode parseSchema(String name) {
        try {
            return JSON.readTree(readResource(name));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("invalid JSON in " + name + ": " + e.getOriginalMessage(), e);
        }
    }
}
