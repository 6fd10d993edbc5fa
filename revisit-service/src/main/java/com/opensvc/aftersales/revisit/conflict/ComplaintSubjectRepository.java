package com.opensvc.aftersales.revisit.conflict;

import java.util.Collection;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import lombok.RequiredArgsConstructor;

@Repository
@RequiredArgsConstructor
class ComplaintSubjectRepository {
    private final JdbcClient jdbc;

    void insert(UUID ticketId, Collection<String> persons) {
        for (String person : persons) {
            jdbc.sql("INSERT INTO complaint_subject (ticket_id, person) VALUES (:ticket, :person) ON CONFLICT DO NOTHING")
                    .param("ticket", ticketId).param("person", person).update();
        }
    }

    boolean exists(UUID ticketId, String person) {
        return jdbc.sql("SELECT count(*) FROM complaint_subject WHERE ticket_id = :ticket AND person = :person")
                .param("ticket", ticketId).param("person", person).query(Long.class).single() > 0;
    }
}
