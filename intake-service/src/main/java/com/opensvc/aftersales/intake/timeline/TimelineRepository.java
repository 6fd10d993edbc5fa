package com.opensvc.aftersales.intake.timeline;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;

import lombok.RequiredArgsConstructor;

@Repository
@RequiredArgsConstructor
public class TimelineRepository {
    private final JdbcClient jdbc;

    void record(ReceivedEvent event) {
        jdbc.sql("""
                INSERT INTO timeline_event (event_id, ticket_id, at, actor, source, event_type, payload)
                VALUES (:id, :ticket, :at, :actor, :source, :type, CAST(:payload AS jsonb)) ON CONFLICT DO NOTHING
                """)
                .param("id", event.eventId()).param("ticket", event.ticketId()).param("at", Timestamps.utc(event.at()))
                .param("actor", event.actor()).param("source", event.source()).param("type", event.type())
                .param("payload", event.payload())
                .update();
    }

    /**
     * The ticket's own changes (a read of the ticket feature's history) and every received event about it, oldest
     * first. At the same instant a received event comes before the change it caused, and the ticket's own changes keep
     * the order they were written in.
     */
    List<TimelineEntry> timeline(UUID ticketId) {
        return jdbc.sql("""
                SELECT at, actor, 'intake-service' AS source, action AS type, from_state, to_state, detail,
                       NULL::uuid AS event_id, 1 AS own, id AS seq
                  FROM ticket_history WHERE ticket_id = :ticket
                UNION ALL
                SELECT at, actor, source, event_type, NULL, NULL, payload::text, event_id, 0, 0
                  FROM timeline_event WHERE ticket_id = :ticket
                ORDER BY at, own, seq, type
                """)
                .param("ticket", ticketId)
                .query((rs, row) -> new TimelineEntry(Timestamps.instant(rs, "at"), rs.getString("actor"),
                        rs.getString("source"), rs.getString("type"), rs.getString("from_state"),
                        rs.getString("to_state"), rs.getString("detail"), rs.getObject("event_id", UUID.class)))
                .list();
    }
}
