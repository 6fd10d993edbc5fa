package com.opensvc.aftersales.intake.quote;

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

import com.opensvc.aftersales.messaging.OutboxWriter;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import lombok.RequiredArgsConstructor;

@Repository
@RequiredArgsConstructor
public class QuoteRepository {
    private static final TypeReference<List<QuoteLine>> LINES = new TypeReference<>() {
    };
    private static final String OPEN_STATES = "('ISSUED', 'ACCEPTED_BY_CUSTOMER', 'AWAITING_MANAGER')";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final OutboxWriter outbox;

    /** Writes what a transition caused, in the caller's transaction: the new or changed quote, and its events. */
    void save(QuoteChange change) {
        if (change.created()) {
            insert(change.quote());
        } else {
            update(change.quote());
        }
        outbox.appendAll(change.events());
    }

    private void insert(Quote q) {
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

    /** The facts a quote gains after its issue; its lines, total and terms never change. */
    private void update(Quote q) {
        jdbc.sql("""
                UPDATE quote SET state = :state, customer_accepted_by = :acceptedBy, acceptance_method = :method,
                    customer_accepted_at = :acceptedAt, recorded_by = :recordedBy,
                    supervisor_approved_by = :supervisor, supervisor_approved_at = :supervisorAt,
                    manager_approved_by = :manager, manager_approved_at = :managerAt, declined_reason = :reason,
                    declined_note = :note, closed_at = :closedAt, closed_by = :closedBy, version = version + 1
                WHERE id = :id
                """).param("id", q.id()).param("state", q.state().name()).param("acceptedBy", q.customerAcceptedBy())
                .param("method", q.acceptanceMethod() == null ? null : q.acceptanceMethod().name())
                .param("acceptedAt", utc(q.customerAcceptedAt())).param("recordedBy", q.acceptanceRecordedBy())
                .param("supervisor", q.supervisorApprovedBy()).param("supervisorAt", utc(q.supervisorApprovedAt()))
                .param("manager", q.managerApprovedBy()).param("managerAt", utc(q.managerApprovedAt()))
                .param("reason", q.declinedReason() == null ? null : q.declinedReason().name())
                .param("note", q.declinedNote()).param("closedAt", utc(q.closedAt())).param("closedBy", q.closedBy())
                .update();
    }

    public Optional<Quote> find(UUID id) {
        return jdbc.sql("SELECT * FROM quote WHERE id = :id").param("id", id).query(this::map).optional();
    }

    /** Row-locks the quote for a state change (after its ticket: the lock order is ticket, then quote). */
    Optional<Quote> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM quote WHERE id = :id FOR UPDATE").param("id", id).query(this::map).optional();
    }

    /** The ticket's newest revision: the one that counts. */
    Optional<Quote> current(UUID ticketId) {
        return jdbc.sql("SELECT * FROM quote WHERE ticket_id = :ticket ORDER BY revision DESC LIMIT 1")
                .param("ticket", ticketId).query(this::map).optional();
    }

    List<Quote> forTicket(UUID ticketId) {
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
    List<Due> claimDue(Instant now, int limit) {
        return jdbc.sql("SELECT q.id, q.ticket_id FROM quote q JOIN ticket t ON t.id = q.ticket_id "
                        + "WHERE q.state IN " + OPEN_STATES + " AND q.valid_until <= :now "
                        + "ORDER BY q.valid_until LIMIT :limit FOR UPDATE OF q, t SKIP LOCKED")
                .param("now", utc(now)).param("limit", limit)
                .query((rs, row) -> new Due(rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class)))
                .list();
    }

    private Quote map(ResultSet rs, int row) throws SQLException {
        String method = rs.getString("acceptance_method");
        String reason = rs.getString("declined_reason");
        return Quote.builder().id(rs.getObject("id", UUID.class)).ticketId(rs.getObject("ticket_id", UUID.class))
                .revision(rs.getInt("revision")).supersedes(rs.getObject("supersedes", UUID.class))
                .state(QuoteState.valueOf(rs.getString("state"))).removable(rs.getBoolean("removable"))
                .paymentTerms(PaymentTerms.valueOf(rs.getString("payment_terms"))).currency(rs.getString("currency"))
                .lines(json.readValue(rs.getString("lines"), LINES)).total(rs.getBigDecimal("total"))
                .needsManagerApproval(rs.getBoolean("needs_manager_approval")).issuedAt(instant(rs, "issued_at"))
                .issuedBy(rs.getString("issued_by")).validUntil(instant(rs, "valid_until"))
                .customerAcceptedBy(rs.getString("customer_accepted_by"))
                .acceptanceMethod(method == null ? null : AcceptanceMethod.valueOf(method))
                .customerAcceptedAt(instant(rs, "customer_accepted_at")).acceptanceRecordedBy(rs.getString("recorded_by"))
                .supervisorApprovedBy(rs.getString("supervisor_approved_by"))
                .supervisorApprovedAt(instant(rs, "supervisor_approved_at"))
                .managerApprovedBy(rs.getString("manager_approved_by"))
                .managerApprovedAt(instant(rs, "manager_approved_at"))
                .declinedReason(reason == null ? null : DeclineReason.valueOf(reason))
                .declinedNote(rs.getString("declined_note")).closedAt(instant(rs, "closed_at"))
                .closedBy(rs.getString("closed_by")).version(rs.getInt("version")).build();
    }
}
