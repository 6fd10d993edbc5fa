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
    private final OutboxTraceContext traces;

    public OutboxWriter(JdbcClient jdbc, JsonMapper json, Clock clock, String source) {
        this(jdbc, json, clock, source, OutboxTraceContext.UNTRACED);
    }

    /** {@code traces} gives each row its {@code traceparent}: the current trace, continued across the relay. */
    public OutboxWriter(JdbcClient jdbc, JsonMapper json, Clock clock, String source, OutboxTraceContext traces) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.source = source;
        this.traces = traces;
    }

    /**
     * Writes {@code event} to the outbox: topic, key, {@code ce_type} and {@code ce_subject} come from the event.
     *
     * @return the event id ({@code ce_id})
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID append(OutgoingEvent event) {
        UUID id = UUID.randomUUID();
        String key = event.aggregateId().toString();
        String type = CloudEventHeaders.type(event.eventType(), event.eventVersion());
        jdbc.sql("""
                INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload,
                                    ce_source, ce_specversion, ce_time, ce_subject, traceparent)
                VALUES (:id, :aggregateType, :aggregateId, :type, CAST(:payload AS jsonb),
                        :source, :specVersion, :time, :subject, :traceparent)
                """)
                .param("id", id)
                .param("aggregateType", event.aggregateType())
                .param("aggregateId", key)
                .param("type", type)
                .param("payload", json.writeValueAsString(event))
                .param("source", source)
                .param("specVersion", CloudEventHeaders.SPEC_VERSION_1_0)
                .param("time", DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.MILLIS)))
                .param("subject", key)
                .param("traceparent", traces.traceparent(event.aggregateType(), type))
                .update();
        jdbc.sql("DELETE FROM outbox WHERE id = :id").param("id", id).update();
        return id;
    }

    /** Writes each event in order; an aggregate's transition may cause several. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(Iterable<? extends OutgoingEvent> events) {
        events.forEach(this::append);
    }
}
