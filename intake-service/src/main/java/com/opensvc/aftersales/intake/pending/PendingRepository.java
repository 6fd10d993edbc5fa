package com.opensvc.aftersales.intake.pending;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;
import com.opensvc.aftersales.intake.ticket.TicketState;

import lombok.RequiredArgsConstructor;

@Repository
@RequiredArgsConstructor
public class PendingRepository {
    private static final String SELECT_ITEM = "SELECT p.*, t.number AS ticket_number FROM pending_item p JOIN ticket t ON t.id = p.ticket_id ";

    /**
     * The ledger of a month: approved items that were open at some time during it. An item whose ticket left
     * PENDING without a resume (cancelled while pending) counts as ended when the ticket last changed.
     */
    private static final String LEDGER_FROM = """
            FROM pending_item p JOIN ticket t ON t.id = p.ticket_id JOIN customer c ON c.id = p.customer_id
            WHERE p.state IN ('APPROVED', 'RESOLVED') AND p.decided_at < :end
              AND (p.resumed_at >= :start OR (p.resumed_at IS NULL AND (t.state = 'PENDING' OR t.updated_at >= :start)))
            """;
    private static final String LEDGER_STATE = "CASE WHEN p.state = 'APPROVED' AND t.state = 'PENDING' THEN 'OPEN' ELSE 'RESOLVED' END";

    private final JdbcClient jdbc;

    void insertProposal(UUID id, UUID ticketId, UUID customerId, PendingReason reason, String explanation,
                        LocalDate customerDate, String actor, Instant at) {
        jdbc.sql("""
                INSERT INTO pending_item (id, ticket_id, customer_id, reason, explanation, customer_date, state,
                    proposed_by, proposed_at)
                VALUES (:id, :ticket, :customer, :reason, :explanation, :date, 'PROPOSED', :actor, :at)
                """).param("id", id).param("ticket", ticketId).param("customer", customerId)
                .param("reason", reason.name()).param("explanation", explanation).param("date", customerDate)
                .param("actor", actor).param("at", Timestamps.utc(at)).update();
    }

    Optional<PendingItem> find(UUID id) {
        return jdbc.sql(SELECT_ITEM + "WHERE p.id = :id").param("id", id).query(PendingRepository::item).optional();
    }

    Optional<PendingItem> findForUpdate(UUID id) {
        return jdbc.sql(SELECT_ITEM + "WHERE p.id = :id FOR UPDATE OF p").param("id", id)
                .query(PendingRepository::item).optional();
    }

    Optional<PendingItem> inState(UUID ticketId, PendingItemState state) {
        return jdbc.sql(SELECT_ITEM + "WHERE p.ticket_id = :ticket AND p.state = :state").param("ticket", ticketId)
                .param("state", state.name()).query(PendingRepository::item).optional();
    }

    List<PendingItem> forTicket(UUID ticketId) {
        return jdbc.sql(SELECT_ITEM + "WHERE p.ticket_id = :ticket ORDER BY p.proposed_at").param("ticket", ticketId)
                .query(PendingRepository::item).list();
    }

    void approve(UUID id, String actor, Instant at, TicketState fromState) {
        jdbc.sql("""
                UPDATE pending_item SET state = 'APPROVED', decided_by = :actor, decided_at = :at, from_state = :from,
                    paused_at = :at, version = version + 1 WHERE id = :id
                """).param("id", id).param("actor", actor).param("at", Timestamps.utc(at)).param("from", fromState.name()).update();
    }

    void decline(UUID id, String actor, Instant at, String reason) {
        jdbc.sql("""
                UPDATE pending_item SET state = 'DECLINED', decided_by = :actor, decided_at = :at, decline_reason = :reason,
                    version = version + 1 WHERE id = :id
                """).param("id", id).param("actor", actor).param("at", Timestamps.utc(at)).param("reason", reason).update();
    }

    void resolve(UUID id, String actor, Instant at, TicketState to, long pausedSeconds) {
        jdbc.sql("""
                UPDATE pending_item SET state = 'RESOLVED', resumed_by = :actor, resumed_at = :at, resumed_to = :to,
                    paused_seconds = :seconds, version = version + 1 WHERE id = :id
                """).param("id", id).param("actor", actor).param("at", Timestamps.utc(at)).param("to", to.name())
                .param("seconds", pausedSeconds).update();
    }

    /** The ledger's filter: a month, optionally the entry's state and the proposing customer manager. */
    record LedgerFilter(YearMonth month, LedgerState state, String customerManager) {
    }

    long countLedger(LedgerFilter filter, ZoneId zone) {
        return ledgerQuery("SELECT count(*) " + LEDGER_FROM + ledgerFilters(filter), filter, zone)
                .query(Long.class).single();
    }

    List<LedgerEntry> ledger(LedgerFilter filter, ZoneId zone, long offset, int limit) {
        return ledgerQuery("SELECT p.*, t.number AS ticket_number, t.state AS ticket_state, c.name AS customer_name, "
                + LEDGER_STATE + " AS ledger_state " + LEDGER_FROM + ledgerFilters(filter)
                + " ORDER BY p.decided_at, t.number LIMIT :limit OFFSET :offset", filter, zone)
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> entry(rs, zone)).list();
    }

    private static String ledgerFilters(LedgerFilter filter) {
        return (filter.state() == null ? "" : " AND " + LEDGER_STATE + " = :ledgerState")
                + (filter.customerManager() == null ? "" : " AND p.proposed_by = :customerManager");
    }

    private JdbcClient.StatementSpec ledgerQuery(String sql, LedgerFilter filter, ZoneId zone) {
        JdbcClient.StatementSpec spec = jdbc.sql(sql)
                .param("start", Timestamps.utc(Months.start(filter.month(), zone)))
                .param("end", Timestamps.utc(Months.end(filter.month(), zone)));
        if (filter.state() != null) {
            spec = spec.param("ledgerState", filter.state().name());
        }
        if (filter.customerManager() != null) {
            spec = spec.param("customerManager", filter.customerManager());
        }
        return spec;
    }

    /** Customers on a month's ledger who have no contact recorded in the round that follows it. */
    long customersNotContacted(YearMonth round, ZoneId zone) {
        YearMonth ledgerMonth = ContactRound.ledgerMonth(round);
        return jdbc.sql("SELECT count(DISTINCT p.customer_id) " + LEDGER_FROM + """
                  AND NOT EXISTS (SELECT 1 FROM pending_contact pc WHERE pc.round_month = :round AND pc.customer_id = p.customer_id)
                """).param("start", Timestamps.utc(Months.start(ledgerMonth, zone))).param("end", Timestamps.utc(Months.end(ledgerMonth, zone)))
                .param("round", round.atDay(1)).query(Long.class).single();
    }

    Optional<YearMonth> firstLedgerMonth(ZoneId zone) {
        return jdbc.sql("SELECT min(decided_at) FROM pending_item WHERE state IN ('APPROVED', 'RESOLVED')")
                .query((rs, n) -> Timestamps.instant(rs, 1)).optional()
                .filter(java.util.Objects::nonNull).map(at -> Months.of(at, zone));
    }

    /** Records a contact; a second one for the same round and customer updates it and counts the attempt. */
    RoundContact upsertContact(YearMonth round, UUID customerId, String outcome, LocalDate nextArrangedOn,
                               Instant contactedAt, String actor) {
        return jdbc.sql("""
                INSERT INTO pending_contact (round_month, customer_id, outcome, next_arranged_on, contacted_at,
                    contacted_by, first_contacted_at, attempts)
                VALUES (:round, :customer, :outcome, :next, :at, :actor, :at, 1)
                ON CONFLICT (round_month, customer_id) DO UPDATE SET outcome = EXCLUDED.outcome,
                    next_arranged_on = EXCLUDED.next_arranged_on, contacted_at = EXCLUDED.contacted_at,
                    contacted_by = EXCLUDED.contacted_by, attempts = pending_contact.attempts + 1
                RETURNING *
                """).param("round", round.atDay(1)).param("customer", customerId).param("outcome", outcome)
                .param("next", nextArrangedOn).param("at", Timestamps.utc(contactedAt)).param("actor", actor)
                .query((rs, n) -> contact(rs)).single();
    }

    List<RoundContact> contactsInRound(YearMonth round) {
        return jdbc.sql("SELECT * FROM pending_contact WHERE round_month = :round").param("round", round.atDay(1))
                .query((rs, n) -> contact(rs)).list();
    }

    List<RoundContact> contactsOf(Collection<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM pending_contact WHERE customer_id IN (:customers) ORDER BY round_month")
                .param("customers", customerIds).query((rs, n) -> contact(rs)).list();
    }

    private static RoundContact contact(ResultSet rs) throws SQLException {
        YearMonth round = YearMonth.from(rs.getObject("round_month", LocalDate.class));
        Instant contactedAt = Timestamps.instant(rs, "contacted_at");
        return new RoundContact(round, rs.getObject("customer_id", UUID.class), rs.getString("outcome"),
                rs.getObject("next_arranged_on", LocalDate.class), contactedAt, rs.getString("contacted_by"),
                Timestamps.instant(rs, "first_contacted_at"), rs.getInt("attempts"));
    }

    private static LedgerEntry entry(ResultSet rs, ZoneId zone) throws SQLException {
        return new LedgerEntry(rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class),
                rs.getString("ticket_number"), TicketState.valueOf(rs.getString("ticket_state")),
                rs.getObject("customer_id", UUID.class), rs.getString("customer_name"),
                PendingReason.valueOf(rs.getString("reason")), rs.getString("explanation"),
                rs.getObject("customer_date", LocalDate.class), rs.getString("proposed_by"), Timestamps.instant(rs, "proposed_at"),
                rs.getString("decided_by"), Timestamps.instant(rs, "decided_at"), Timestamps.instant(rs, "resumed_at"),
                LedgerState.valueOf(rs.getString("ledger_state")), List.of());
    }

    private static PendingItem item(ResultSet rs, int row) throws SQLException {
        String from = rs.getString("from_state");
        String to = rs.getString("resumed_to");
        Long seconds = rs.getObject("paused_seconds", Long.class);
        return new PendingItem(rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class),
                rs.getString("ticket_number"), rs.getObject("customer_id", UUID.class),
                PendingReason.valueOf(rs.getString("reason")), rs.getString("explanation"),
                rs.getObject("customer_date", LocalDate.class), PendingItemState.valueOf(rs.getString("state")),
                rs.getString("proposed_by"), Timestamps.instant(rs, "proposed_at"), rs.getString("decided_by"),
                Timestamps.instant(rs, "decided_at"), rs.getString("decline_reason"),
                from == null ? null : TicketState.valueOf(from), Timestamps.instant(rs, "paused_at"), rs.getString("resumed_by"),
                Timestamps.instant(rs, "resumed_at"), to == null ? null : TicketState.valueOf(to),
                seconds, rs.getInt("version"));
    }
}
