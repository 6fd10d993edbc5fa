package com.opensvc.aftersales.revisit.handling;

import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;

import lombok.RequiredArgsConstructor;

@Repository
@RequiredArgsConstructor
class ComplaintHandlingRepository {
    private final JdbcClient jdbc;

    /** The newest event by occurredAt decides; an older one arriving late changes nothing (EVT-04 order-tolerant). */
    void record(UUID ticketId, boolean handling, String because, Instant at) {
        jdbc.sql("""
                INSERT INTO complaint_handling (ticket_id, handling, because, occurred_at)
                VALUES (:ticket, :handling, :because, :at)
                ON CONFLICT (ticket_id) DO UPDATE SET handling = EXCLUDED.handling, because = EXCLUDED.because,
                    occurred_at = EXCLUDED.occurred_at
                 WHERE complaint_handling.occurred_at <= EXCLUDED.occurred_at
                """)
                .param("ticket", ticketId).param("handling", handling).param("because", because)
                .param("at", Timestamps.utc(at)).update();
    }

    boolean beingHandled(UUID ticketId) {
        return jdbc.sql("SELECT count(*) FROM complaint_handling WHERE ticket_id = :ticket AND handling")
                .param("ticket", ticketId).query(Long.class).single() > 0;
    }
}
