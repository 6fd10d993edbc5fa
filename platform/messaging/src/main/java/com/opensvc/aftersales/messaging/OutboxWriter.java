package com.opensvc.aftersales.messaging;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an event to the service's outbox table in the caller's transaction (EVT-01). Debezium reads the
 * insert from the WAL and publishes it; the row is deleted in the same transaction, so the table stays
 * empty and the publication (insert only) never sees the delete.
 */
public class OutboxWriter {
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final String source;

    public OutboxWriter(JdbcClient jdbc, JsonMapper json, Clock clock, String source) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.source = source;
    }

    /**
     * @param aggregateType routes the event to topic {@code aftersales.<aggregateType>}, e.g. "intake.ticket"
     * @param ticketId      Kafka key and {@code ce_subject}: one ticket's events stay in order (EVT-02)
     * @return the event id ({@code ce_id})
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID append(String aggregateType, UUID ticketId, String eventType, int version, Object payload) {
        UUID id = UUID.randomUUID();
        String body = json.writeValueAsString(payload);
        jdbc.sql("""
                INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload,
                                    ce_source, ce_specversion, ce_time, ce_subject, traceparent)
                VALUES (:id, :aggregateType, :aggregateId, :type, CAST(:payload AS jsonb),
                        :source, :specVersion, :time, :subject, :traceparent)
                """)
                .param("id", id)
                .param("aggregateType", aggregateType)
                .param("aggregateId", ticketId.toString())
                .param("type", CloudEventHeaders.type(eventType, version))
                .param("payload", body)
                .param("source", source)
                .param("specVersion", CloudEventHeaders.SPEC_VERSION_1_0)
                .param("time", DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.MILLIS)))
                .param("subject", ticketId.toString())
                .param("traceparent", TraceParent.next())
                .update();
        jdbc.sql("DELETE FROM outbox WHERE id = :id").param("id", id).update();
        return id;
    }
}
