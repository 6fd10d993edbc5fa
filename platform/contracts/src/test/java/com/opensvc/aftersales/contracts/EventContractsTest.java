package com.opensvc.aftersales.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("EVT-03 every event type has a versioned JSON Schema")
class EventContractsTest {

    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TICKET_ACCEPTED = EventContracts.ceType("TicketAccepted", 1);

    static List<String> schemaFiles() throws IOException {
        return resource("events/index.txt").lines().filter(line -> !line.isBlank()).toList();
    }

    static Stream<String> eventTypes() {
        return CONTRACTS.eventTypes().stream();
    }

    @Test
    @DisplayName("EVT-03 index.txt lists exactly the schema files in src/main/resources/events")
    void indexListsEverySchemaFile() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/events"))) {
            List<String> onDisk = files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".schema.json")).toList();
            assertThat(schemaFiles()).containsExactlyInAnyOrderElementsOf(onDisk);
        }
    }

    @Test
    @DisplayName("EVT-03 every schema in index.txt loads, is versioned and has at least one example")
    void everySchemaLoads() throws IOException {
        List<String> expectedTypes = schemaFiles().stream().map(file -> file.replace(".schema.json", "")).toList();

        assertThat(expectedTypes).hasSize(16).allMatch(type -> type.matches("[A-Z][A-Za-z]+\\.v[0-9]+"));
        assertThat(CONTRACTS.eventTypes()).containsExactlyInAnyOrderElementsOf(expectedTypes);
        for (String type : expectedTypes) {
            assertThat(CONTRACTS.examples(EventContracts.CE_TYPE_PREFIX + type)).as(type).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaFiles")
    @DisplayName("EVT-03 every schema is a valid draft 2020-12 schema with the agreed $id")
    void everySchemaIsValidDraft202012(String file) throws IOException {
        String text = resource("events/" + file);
        JsonSchema metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of(SchemaId.V202012));

        assertThat(metaSchema.validate(text, InputFormat.JSON)).isEmpty();
        JsonNode schema = JSON.readTree(text);
        assertThat(schema.path("$id").asText()).isEqualTo("https://opensvc.com/aftersales/events/" + file);
        assertThat(schema.path("additionalProperties").asBoolean()).isTrue();
        assertThat(schema.path("required")).extracting(JsonNode::toString).asString()
                .contains("\"actor\"", "\"occurredAt\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    @DisplayName("EVT-03 every example validates against its own schema")
    void everyExampleIsValid(String eventType) {
        String ceType = EventContracts.CE_TYPE_PREFIX + eventType;
        for (String example : CONTRACTS.examples(ceType)) {
            assertThat(CONTRACTS.validate(ceType, example)).as(example).isEmpty();
        }
    }

    @Test
    @DisplayName("EVT-03 a payload missing a required field is refused, naming the field")
    void missingRequiredFieldIsRefused() throws IOException {
        ObjectNode accepted = ticketAcceptedExample();
        accepted.remove("ticketId");

        assertThat(CONTRACTS.validate(TICKET_ACCEPTED, accepted.toString()))
                .singleElement().asString().contains("ticketId");
    }

    @Test
    @DisplayName("EVT-03 a wrong enum value is refused")
    void wrongEnumValueIsRefused() throws IOException {
        ObjectNode accepted = ticketAcceptedExample().put("priority", "WHENEVER");

        assertThat(CONTRACTS.validate(TICKET_ACCEPTED, accepted.toString()))
                .singleElement().asString().contains("priority");
    }

    @Test
    @DisplayName("EVT-03 a malformed uuid or date-time is refused")
    void malformedFormatsAreRefused() throws IOException {
        ObjectNode badUuid = ticketAcceptedExample().put("ticketId", "not-a-uuid");
        ObjectNode badTime = ticketAcceptedExample().put("occurredAt", "yesterday");

        assertThat(CONTRACTS.validate(TICKET_ACCEPTED, badUuid.toString()))
                .singleElement().asString().contains("ticketId");
        assertThat(CONTRACTS.validate(TICKET_ACCEPTED, badTime.toString()))
                .singleElement().asString().contains("occurredAt");
    }

    @Test
    @DisplayName("EVT-03 additional fields are tolerated (additions are non-breaking)")
    void additionalFieldsAreTolerated() throws IOException {
        ObjectNode accepted = ticketAcceptedExample().put("someFutureField", 42);

        assertThat(CONTRACTS.validate(TICKET_ACCEPTED, accepted.toString())).isEmpty();
    }

    @Test
    @DisplayName("EVT-03 an unknown ce_type is refused")
    void unknownCeTypeIsRefused() {
        String json = CONTRACTS.examples(TICKET_ACCEPTED).getFirst();

        assertThat(CONTRACTS.validate(EventContracts.ceType("TicketAccepted", 9), json))
                .singleElement().asString().contains("no schema", "TicketAccepted.v9");
        assertThat(CONTRACTS.validate("org.example.TicketAccepted.v1", json)).hasSize(1);
        assertThatThrownBy(() -> CONTRACTS.examples("org.example.TicketAccepted.v1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("EVT-03 malformed JSON is refused with one message")
    void malformedJsonIsRefused() {
        assertThat(CONTRACTS.validate(TICKET_ACCEPTED, "{\"ticketId\": ")).singleElement().asString()
                .startsWith("malformed JSON");
        assertThat(CONTRACTS.validate(TICKET_ACCEPTED, "{} trailing")).hasSize(1);
        assertThat(CONTRACTS.validate(TICKET_ACCEPTED, "")).hasSize(1);
    }

    @Test
    @DisplayName("EVT-03 ce_type is com.opensvc.aftersales.<EventType>.v<N>")
    void ceTypeNaming() {
        assertThat(EventContracts.ceType("TicketAccepted", 1)).isEqualTo("com.opensvc.aftersales.TicketAccepted.v1");
    }

    @Test
    @DisplayName("EVT-03 the AsyncAPI document references every schema in index.txt")
    void asyncApiReferencesEverySchema() throws IOException {
        String asyncApi = resource("asyncapi.yaml");

        assertThat(asyncApi).startsWith("asyncapi: 3.0.0");
        for (String file : schemaFiles()) {
            assertThat(asyncApi).contains("$ref: './events/" + file + "'");
        }
    }

    private static ObjectNode ticketAcceptedExample() throws IOException {
        return (ObjectNode) JSON.readTree(CONTRACTS.examples(TICKET_ACCEPTED).getFirst());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = EventContractsTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
