package com.opensvc.aftersales.intake.quote;

import static com.opensvc.aftersales.intake.quote.PriceRepository.instant;
import static com.opensvc.aftersales.intake.quote.PriceRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class QuoteRepository {
    private static final TypeReference<List<QuoteLine>> LINES = new TypeReference<>() {
    };
    private static final String OPEN_STATES = "('ISSUED', 'ACCEPTED_BY_CUSTOMER', 'AWAITING_MANAGER')";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public QuoteRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Claims an Idempotency-Key for a quote about to be inserted; false if another request holds it. */
    public boolean claimIdempotencyKey(String key, UUID quoteId, Instant now) {
        return jdbc.sql("INSERT INTO quote_idempotency_key (key, quote_id, created_at) VALUES (:key, :quote, :at) ON CONFLICT DO NOTHING")
                .param("key", key).param("quote", quoteId).param("at", utc(now)).update() == 1;
    }

    public Optional<UUID> quoteForIdempotencyKey(String key) {
        return jdbc.sql("SELECT quote_id FROM quote_idempotency_key WHERE key = :key").param("key", key)
                .query(UUID.class).optional();
    }

    public void insert(Quote q) {
        jdbc.sql("""
                INSERT INTO quote (id, ticket_id, revision, supersedes, state, removable, payment_terms, currency, lines,
                    total, needs_manager_approval, issued_at, issued_by, valid_until, version)
                VALUES (:id, :ticket, :revision, :supersedes, :state, :removable, :terms, :currency, CAST(:lines AS jsonb),
                    :total, :manager, :issuedAt, :issuedBy, :validUntil, 0)
                """)
                .param("id", q.id()).param("ticket", q.ticketId()).param("revision", q.revision())
                .param("supersedes", q.supersedes()).param("state", q.state().name()).param("removable", q.removable())
                .param("terms", q.paymentTerms().name()).param("currency", q.currency())
                .param("lines", json.writeValueAsString(q.lines())).param("total", q.total())
                .param("manager", q.needsManagerApproval()).param("issuedAt", utc(q.issuedAt()))
                .param("issuedBy", q.issuedBy()).param("validUntil", utc(q.validUntil()))
                .update();
    }

    public Optional<Quote> find(UUID id) {
        return jdbc.sql("SELECT * FROM quote WHERE id = :id").param("id", id).query(this::map).optional();
    }

    /** Row-locks the quote for a state change (after its ticket: the lock order is ticket, then quote). */
    public Optional<Quote> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM quote WHERE id = :id FOR UPDATE").param("id", id).query(this::map).optional();
    }

    /** The ticket's newest revision: the one that counts. */
    public Optional<Quote> current(UUID ticketId) {
        return jdbc.sql("SELECT * FROM quote WHERE ticket_id = :ticket ORDER BY revision DESC LIMIT 1")
                .param("ticket", ticketId).query(this::map).optional();
    }

    public List<Quote> forTicket(UUID ticketId) {
        return jdbc.sql("SELECT * FROM quote WHERE ticket_id = :ticket ORDER BY revision")
                .param("ticket", ticketId).query(this::map).list();
    }

    public record Due(UUID quoteId, UUID ticketId) {
    }

    /**
     * Claims up to {@code limit} open quotes past their validity, locking each quote and its ticket. Rows another
     * transaction holds (another replica's expiry run, or a desk action on that ticket) are skipped, not waited
     * for, so replicas never expire the same quote twice and never deadlock with the desk.
     */
    public List<Due> claimDue(Instant now, int limit) {
        return jdbc.sql("SELECT q.id, q.ticket_id FROM quote q JOIN ticket t ON t.id = q.ticket_id "
                        + "WHERE q.state IN " + OPEN_STATES + " AND q.valid_until <= :now "
                        + "ORDER BY q.valid_until LIMIT :limit FOR UPDATE OF q, t SKIP LOCKED")
                .param("now", utc(now)).param("limit", limit)
                .query((rs, row) -> new Due(rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class)))
                .list();
    }

    public void customerAccepted(UUID id, String acceptedBy, AcceptanceMethod method, Instant at, String recordedBy) {
        jdbc.sql("""
                UPDATE quote SET state = 'ACCEPTED_BY_CUSTOMER', customer_accepted_by = :by, acceptance_method = :method,
                    customer_accepted_at = :at, recorded_by = :recordedBy, version = version + 1 WHERE id = :id
                """).param("id", id).param("by", acceptedBy).param("method", method.name()).param("at", utc(at))
                .param("recordedBy", recordedBy).update();
    }

    public void supervisorApproved(UUID id, QuoteState next, String actor, Instant at) {
        jdbc.sql("""
                UPDATE quote SET state = :state, supervisor_approved_by = :actor, supervisor_approved_at = :at,
                    version = version + 1 WHERE id = :id
                """).param("id", id).param("state", next.name()).param("actor", actor).param("at", utc(at)).update();
    }

    public void managerApproved(UUID id, String actor, Instant at) {
        jdbc.sql("""
                UPDATE quote SET state = 'APPROVED', manager_approved_by = :actor, manager_approved_at = :at,
                    version = version + 1 WHERE id = :id
                """).param("id", id).param("actor", actor).param("at", utc(at)).update();
    }

    /** DECLINED, EXPIRED or SUPERSEDED. */
    public void close(UUID id, QuoteState state, DeclineReason reason, String note, String actor, Instant at) {
        jdbc.sql("""
                UPDATE quote SET state = :state, declined_reason = :reason, declined_note = :note, closed_at = :at,
                    closed_by = :actor, version = version + 1 WHERE id = :id
                """).param("id", id).param("state", state.name()).param("reason", reason == null ? null : reason.name())
                .param("note", note).param("actor", actor).param("at", utc(at)).update();
    }

    private Quote map(ResultSet rs, int row) throws SQLException {
        String method = rs.getString("acceptance_method");
        String reason = rs.getString("declined_reason");
        return new Quote(rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class), rs.getInt("revision"),
                rs.getObject("supersedes", UUID.class), QuoteState.valueOf(rs.getString("state")),
                rs.getBoolean("removable"), PaymentTerms.valueOf(rs.getString("payment_terms")),
                rs.getString("currency"), json.readValue(rs.getString("lines"), LINES), rs.getBigDecimal("total"),
                rs.getBoolean("needs_manager_approval"), instant(rs, "issued_at"), rs.getString("issued_by"),
                instant(rs, "valid_until"), rs.getString("customer_accepted_by"),
                method == null ? null : AcceptanceMethod.valueOf(method), instant(rs, "customer_accepted_at"),
                rs.getString("recorded_by"), rs.getString("supervisor_approved_by"),
                instant(rs, "supervisor_approved_at"), rs.getString("manager_approved_by"),
                instant(rs, "manager_approved_at"), reason == null ? null : DeclineReason.valueOf(reason),
                rs.getString("declined_note"), instant(rs, "closed_at"), rs.getString("closed_by"), rs.getInt("version"));
    }
}
