package com.opensvc.aftersales.intake.reply;

import static com.opensvc.aftersales.data.Timestamps.instant;
import static com.opensvc.aftersales.data.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import lombok.RequiredArgsConstructor;

@Repository
@RequiredArgsConstructor
public class PromisedReplyRepository {
    private static final String SELECT = """
            SELECT r.*, t.number AS ticket_number, t.customer_id FROM promised_reply r JOIN ticket t ON t.id = r.ticket_id
            """;

    private final JdbcClient jdbc;

    Optional<PromisedReply> open(UUID ticketId, Instant now) {
        return jdbc.sql(SELECT + "WHERE r.ticket_id = :ticket AND r.state = 'OPEN'").param("ticket", ticketId)
                .query((rs, n) -> map(rs, now)).optional();
    }

    Optional<PromisedReply> latest(UUID ticketId, Instant now) {
        return jdbc.sql(SELECT + "WHERE r.ticket_id = :ticket ORDER BY r.revision DESC LIMIT 1").param("ticket", ticketId)
                .query((rs, n) -> map(rs, now)).optional();
    }

    List<PromisedReply> history(UUID ticketId, Instant now) {
        return jdbc.sql(SELECT + "WHERE r.ticket_id = :ticket ORDER BY r.revision").param("ticket", ticketId)
                .query((rs, n) -> map(rs, now)).list();
    }

    int lastRevision(UUID ticketId) {
        return jdbc.sql("SELECT COALESCE(max(revision), 0) FROM promised_reply WHERE ticket_id = :ticket")
                .param("ticket", ticketId).query(Integer.class).single();
    }

    void supersede(UUID id) {
        jdbc.sql("UPDATE promised_reply SET state = 'SUPERSEDED' WHERE id = :id").param("id", id).update();
    }

    void insert(UUID id, UUID ticketId, int revision, Instant replyBy, ReplySource source, String note, String actor,
                Instant at) {
        jdbc.sql("""
                INSERT INTO promised_reply (id, ticket_id, revision, reply_by, source, note, state, set_by, set_at)
                VALUES (:id, :ticket, :revision, :replyBy, :source, :note, 'OPEN', :actor, :at)
                """).param("id", id).param("ticket", ticketId).param("revision", revision)
                .param("replyBy", utc(replyBy)).param("source", source.name()).param("note", note)
                .param("actor", actor).param("at", utc(at)).update();
    }

    void answer(UUID id, String summary, String actor, Instant at) {
        jdbc.sql("""
                UPDATE promised_reply SET state = 'ANSWERED', answer_summary = :summary, answered_by = :actor,
                    answered_at = :at WHERE id = :id
                """).param("id", id).param("summary", summary).param("actor", actor).param("at", utc(at)).update();
    }

    long countOpen(Boolean overdue, Instant now) {
        return jdbc.sql("SELECT count(*) FROM promised_reply r WHERE r.state = 'OPEN'" + overdueClause(overdue))
                .param("now", utc(now)).query(Long.class).single();
    }

    /** Open promises by due time, earliest first: the overdue ones come first. */
    List<PromisedReply> openByDueTime(Boolean overdue, Instant now, long offset, int limit) {
        return jdbc.sql(SELECT + "WHERE r.state = 'OPEN'" + overdueClause(overdue)
                        + " ORDER BY r.reply_by, t.number LIMIT :limit OFFSET :offset")
                .param("now", utc(now)).param("limit", limit).param("offset", offset)
                .query((rs, n) -> map(rs, now)).list();
    }

    private static String overdueClause(Boolean overdue) {
        if (overdue == null) {
            return "";
        }
        return overdue ? " AND r.reply_by < :now" : " AND r.reply_by >= :now";
    }

    private static PromisedReply map(ResultSet rs, Instant now) throws SQLException {
        Instant replyBy = instant(rs, "reply_by");
        Instant answeredAt = instant(rs, "answered_at");
        PromisedReply.State state = PromisedReply.State.valueOf(rs.getString("state"));
        return new PromisedReply(rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class),
                rs.getString("ticket_number"), rs.getObject("customer_id", UUID.class), rs.getInt("revision"), replyBy,
                ReplySource.valueOf(rs.getString("source")), rs.getString("note"), state, rs.getString("set_by"),
                instant(rs, "set_at"), rs.getString("answered_by"), answeredAt, rs.getString("answer_summary"),
                state == PromisedReply.State.OPEN && replyBy.isBefore(now),
                answeredAt != null && answeredAt.isAfter(replyBy));
    }
}
