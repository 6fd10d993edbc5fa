package com.opensvc.aftersales.messaging;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * Writes many events with two statements (issue 18: set-based jobs): one {@code INSERT … SELECT FROM unnest(…)}
     * of all rows in the given order, then one delete. Debezium sees the same inserts as from {@link #append}, in
     * order, so the topics get the same records.
     *
     * @return the event ids ({@code ce_id}), in the order of {@code events}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> appendBatch(List<? extends OutgoingEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        int n = events.size();
        List<UUID> ids = new ArrayList<>(n);
        String[] idTexts = new String[n];
        String[] aggregateTypes = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] payloads = new String[n];
        String[] traceparents = new String[n];
        for (int i = 0; i < n; i++) {
            OutgoingEvent event = events.get(i);
            UUID id = UUID.randomUUID();
            ids.add(id);
            idTexts[i] = id.toString();
            aggregateTypes[i] = event.aggregateType();
            keys[i] = event.aggregateId().toString();
            types[i] = CloudEventHeaders.type(event.eventType(), event.eventVersion());
            payloads[i] = json.writeValueAsString(event);
            traceparents[i] = traces.traceparent(aggregateTypes[i], types[i]);
        }
        jdbc.sql("""
                INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload,
                                    ce_source, ce_specversion, ce_time, ce_subject, traceparent)
                SELECT e.id, e.aggregatetype, e.aggregateid, e.type, CAST(e.payload AS jsonb),
                       :source, :specVersion, :time, e.aggregateid, e.traceparent
                  FROM unnest(CAST(:ids AS uuid[]), CAST(:aggregateTypes AS text[]), CAST(:keys AS text[]),
                              CAST(:types AS text[]), CAST(:payloads AS text[]), CAST(:traceparents AS text[]))
                       WITH ORDINALITY AS e(id, aggregatetype, aggregateid, type, payload, traceparent, n)
                 ORDER BY e.n
                """)
                .param("ids", idTexts)
                .param("aggregateTypes", aggregateTypes)
                .param("keys", keys)
                .param("types", types)
                .param("payloads", payloads)
                .param("traceparents", traceparents)
                .param("source", source)
                .param("specVersion", CloudEventHeaders.SPEC_VERSION_1_0)
                .param("time", DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.MILLIS)))
                .update();
        jdbc.sql("DELETE FROM outbox WHERE id = ANY(CAST(:ids AS uuid[]))").param("ids", idTexts).update();
        return ids;
    }

    /** Writes each event in order; an aggregate's transition may cause several. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(Iterable<? extends OutgoingEvent> events) {
        events.forEach(this::append);
    }
}
