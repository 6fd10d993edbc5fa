package com.opensvc.aftersales.quality.report;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.opensvc.aftersales.data.Timestamps;

import lombok.RequiredArgsConstructor;

/**
 * QLT-03: what parts reports of the parts used and returned unused, kept for the weekly report. A scrapped part is not
 * counted again: it was counted unused when it came back.
 */
@Service
@RequiredArgsConstructor
class PartUsage {
    private final JdbcClient jdbc;

    void writtenOff(PartsWrittenOff event, UUID eventId) {
        for (int i = 0; i < event.lines().size(); i++) {
            PartsWrittenOff.Line line = event.lines().get(i);
            if (line.consumed()) {
                insert(eventId, i, event.ticketId(), line.partNumber(), line.quantity(), true, event);
            }
        }
    }

    void returned(PartsReturned event, UUID eventId) {
        jdbc.sql(INSERT).param("event", eventId).param("line", 0).param("ticket", event.ticketId())
                .param("part", event.partNumber()).param("quantity", event.quantity()).param("used", false)
                .param("at", Timestamps.utc(event.occurredAt())).update();
    }

    private void insert(UUID eventId, int line, UUID ticketId, String partNumber, int quantity, boolean used,
                        PartsWrittenOff event) {
        jdbc.sql(INSERT).param("event", eventId).param("line", line).param("ticket", ticketId)
                .param("part", partNumber).param("quantity", quantity).param("used", used)
                .param("at", Timestamps.utc(event.occurredAt())).update();
    }

    private static final String INSERT = """
            INSERT INTO part_usage (event_id, line, ticket_id, part_number, quantity, used, occurred_at)
            VALUES (:event, :line, :ticket, :part, :quantity, :used, :at)
            ON CONFLICT DO NOTHING
            """;
}
