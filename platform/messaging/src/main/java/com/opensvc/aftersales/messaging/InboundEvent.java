package com.opensvc.aftersales.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A CloudEvent read from Kafka: the binary-mode headers and the JSON body. */
public record InboundEvent(UUID id, String type, String source, String subject, Instant time, String traceparent,
                           String topic, int partition, long offset, JsonNode payload) {

    /** The short event type: "TicketAccepted" for "com.opensvc.aftersales.TicketAccepted.v1". */
    public String eventType() {
        return CloudEventHeaders.eventTypeOf(type);
    }

    public static InboundEvent from(ConsumerRecord<String, String> record, JsonMapper json) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            throw new MalformedEventException("missing CloudEvent header ce_id or ce_type at "
                    + record.topic() + "/" + record.partition() + "@" + record.offset());
        }
        JsonNode payload;
        try {
            payload = json.readTree(record.value() == null ? "" : record.value());
        } catch (JacksonException e) {
            throw new MalformedEventException("event " + id + " (" + type + ") body is not JSON: " + e.getOriginalMessage());
        }
        if (payload == null || !payload.isObject()) {
            throw new MalformedEventException("event " + id + " (" + type + ") body is not a JSON object");
        }
        try {
            String time = header(record, CloudEventHeaders.TIME);
            return new InboundEvent(UUID.fromString(id), type, header(record, CloudEventHeaders.SOURCE),
                    header(record, CloudEventHeaders.SUBJECT), time == null ? null : Instant.parse(time),
                    header(record, CloudEventHeaders.TRACEPARENT), record.topic(), record.partition(), record.offset(),
                    payload);
        } catch (RuntimeException e) {
            throw new MalformedEventException("event " + id + " has malformed headers: " + e.getMessage());
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
