package com.opensvc.aftersales.revisit.conflict;

import java.util.Collection;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.web.ForbiddenException;

/** INT-12: revisit's own copy of who each complaint is about (from intake's events, never a call to intake). */
@Repository
public class ComplaintSubjects {
    private final JdbcClient jdbc;

    public ComplaintSubjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(UUID ticketId, Collection<String> persons) {
        for (String person : persons) {
            jdbc.sql("INSERT INTO complaint_subject (ticket_id, person) VALUES (:ticket, :person) ON CONFLICT DO NOTHING")
                    .param("ticket", ticketId).param("person", person.trim().toLowerCase()).update();
        }
    }

    /** A person the ticket's complaint is about may not be its revisit agent. */
    public void requireNotSubject(UUID ticketId, String agent) {
        boolean subject = jdbc.sql("SELECT count(*) FROM complaint_subject WHERE ticket_id = :ticket AND person = :person")
                .param("ticket", ticketId).param("person", agent.trim().toLowerCase()).query(Long.class).single() > 0;
        if (subject) {
            throw new ForbiddenException(agent + " is named in this ticket's complaint and cannot be its revisit agent (INT-12)");
        }
    }
}
