package com.opensvc.aftersales.messaging;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The idempotent inbox (EVT-04): a handler calls {@link #firstDelivery} in the same transaction as its
 * effect. A redelivered event finds its id recorded and the handler skips it; a failed handler rolls the
 * record back with its effect, so the retry is a first delivery again.
 */
public class ProcessedEvents {
    private final JdbcClient jdbc;
    private final Clock clock;

    public ProcessedEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(InboundEvent event, String consumer) {
        return jdbc.sql("""
                        INSERT INTO processed_event (event_id, consumer, event_type, processed_at)
                        VALUES (:id, :consumer, :type, :at) ON CONFLICT DO NOTHING
                        """)
                .param("id", event.id())
                .param("consumer", consumer)
                .param("type", event.type())
                .param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update() == 1;
    }
}
