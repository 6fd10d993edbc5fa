package com.opensvc.aftersales.intake.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.intake.entitlement.Assessment;
import com.opensvc.aftersales.intake.entitlement.Entitlement;
import com.opensvc.aftersales.intake.entitlement.ExclusionReason;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class TicketRepository {
    private static final TypeReference<List<ExpectedPart>> PARTS = new TypeReference<>() {
    };
    private static final String SELECT = "SELECT t.*, c.region AS customer_region FROM ticket t JOIN customer c ON c.id = t.customer_id ";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final org.springframework.context.ApplicationEventPublisher events;

    public TicketRepository(JdbcClient jdbc, JsonMapper json, org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    /** Claims an Idempotency-Key for a ticket about to be inserted; false if another request holds it. */
    public boolean claimIdempotencyKey(String key, UUID ticketId, Instant now) {
        return jdbc.sql("INSERT INTO idempotency_key (key, ticket_id, created_at) VALUES (:key, :ticket, :at) ON CONFLICT DO NOTHING")
                .param("key", key).param("ticket", ticketId).param("at", utc(now)).update() == 1;
    }

    public Optional<UUID> ticketForIdempotencyKey(String key) {
        return jdbc.sql("SELECT ticket_id FROM idempotency_key WHERE key = :key").param("key", key).query(UUID.class).optional();
    }

    public int nextNumber(int year) {
        return jdbc.sql("""
                INSERT INTO ticket_number_counter (year, last) VALUES (:year, 1)
                ON CONFLICT (year) DO UPDATE SET last = ticket_number_counter.last + 1
                RETURNING last
                """).param("year", year).query(Integer.class).single();
    }

    public void insert(Ticket t, UUID contactId) {
        jdbc.sql("""
                INSERT INTO ticket (id, number, customer_id, installed_product_id, contact_id, product_model, product_line,
                    serial_number, ship_date, reported_on, fault_description, channel, kind, category, classification,
                    routed_to, service_type, priority, entitlement, computed_entitlement, entitlement_reason,
                    warranty_end, customer_blocked, quality_must_report, expected_parts, state, version, created_at,
                    created_by, updated_at)
                VALUES (:id, :number, :customer, :product, :contact, :model, :line, :serial, :shipDate, :reportedOn,
                    :fault, :channel, :kind, :category, :classification, :routedTo, :serviceType, :priority,
                    :entitlement, :entitlement, :reason, :warrantyEnd, :blocked, :quality, CAST(:parts AS jsonb), :state,
                    0, :at, :actor, :at)
                """)
                .param("id", t.id()).param("number", t.number()).param("customer", t.customerId())
                .param("product", t.installedProductId()).param("contact", contactId)
                .param("model", t.productModel()).param("line", t.productLine()).param("serial", t.serialNumber())
                .param("shipDate", t.shipDate()).param("reportedOn", t.reportedOn()).param("fault", t.faultDescription())
                .param("channel", t.channel().name()).param("kind", t.kind().name())
                .param("category", t.category() == null ? null : t.category().name())
                .param("classification", t.classification().name()).param("routedTo", t.routedTo().name())
                .param("serviceType", t.serviceType().name()).param("priority", t.priority().name())
                .param("entitlement", t.entitlement() == null ? null : t.entitlement().name())
                .param("reason", t.entitlementReason()).param("warrantyEnd", t.warrantyEnd())
                .param("blocked", t.customerBlocked())
                .param("quality", t.qualityMustReport()).param("parts", json.writeValueAsString(t.expectedParts()))
                .param("state", t.state().name()).param("at", utc(t.createdAt())).param("actor", t.createdBy())
                .update();
    }

    public Optional<Ticket> find(UUID id) {
        return jdbc.sql(SELECT + "WHERE t.id = :id").param("id", id).query(this::map).optional()
                .map(t -> t.withLinks(links(id)));
    }

    /** Reads and row-locks the ticket for a state change. */
    public Optional<Ticket> findForUpdate(UUID id) {
        return jdbc.sql(SELECT + "WHERE t.id = :id FOR UPDATE OF t").param("id", id).query(this::map).optional()
                .map(t -> t.withLinks(links(id)));
    }

    /** Open tickets for a serial number (INT-16), oldest first. */
    public List<Ticket> openForSerial(String serialNumber, UUID except) {
        return jdbc.sql(SELECT + """
                WHERE t.serial_number = :serial AND t.id <> :except
                  AND t.state NOT IN ('CLOSED', 'CANCELLED', 'REJECTED', 'RESOLVED_REMOTELY', 'DECLINED_PAID_SERVICE')
                ORDER BY t.created_at
                """).param("serial", serialNumber).param("except", except).query(this::map).list();
    }

    /**
     * Tickets about an installed product that may still change entitlement (not yet in service, not terminal).
     * Outreach tickets are excluded: a defect campaign is at the company's cost whatever the dates say.
     */
    public List<UUID> entitlementOpenForProduct(UUID installedProductId) {
        return jdbc.sql("""
                SELECT id FROM ticket WHERE installed_product_id = :product AND kind <> 'OUTREACH'
                  AND state IN ('REGISTERED', 'AWAITING_QUOTE', 'PENDING', 'REOPENED')
                ORDER BY created_at
                """).param("product", installedProductId).query(UUID.class).list();
    }

    public void updateState(UUID id, TicketState state, UUID workOrderId, Instant now) {
        jdbc.sql("""
                UPDATE ticket SET state = :state, work_order_id = COALESCE(:workOrder, work_order_id),
                    version = version + 1, updated_at = :at WHERE id = :id
                """)
                .param("id", id).param("state", state.name()).param("workOrder", workOrderId).param("at", utc(now)).update();
        events.publishEvent(new TicketStateChanged(id, state, now));
    }

    public void updateEntitlement(UUID id, Entitlement effective, Assessment computed, Instant now) {
        jdbc.sql("""
                UPDATE ticket SET entitlement = :effective, computed_entitlement = :computed, entitlement_reason = :reason,
                    warranty_end = :warrantyEnd, version = version + 1, updated_at = :at WHERE id = :id
                """)
                .param("id", id).param("effective", effective == null ? null : effective.name())
                .param("computed", computed.entitlement() == null ? null : computed.entitlement().name())
                .param("reason", computed.reason()).param("warrantyEnd", computed.warrantyEnd())
                .param("at", utc(now)).update();
    }

    public void updateEffectiveEntitlement(UUID id, Entitlement effective, Instant now) {
        jdbc.sql("UPDATE ticket SET entitlement = :effective, version = version + 1, updated_at = :at WHERE id = :id")
                .param("id", id).param("effective", effective == null ? null : effective.name())
                .param("at", utc(now)).update();
    }

    public void recordExclusion(UUID ticketId, ExclusionReason reason, String note, String actor, Instant at) {
        jdbc.sql("""
                INSERT INTO entitlement_exclusion (ticket_id, reason, note, actor, at) VALUES (:ticket, :reason, :note, :actor, :at)
                """).param("ticket", ticketId).param("reason", reason.name()).param("note", note).param("actor", actor)
                .param("at", utc(at)).update();
    }

    public boolean hasExclusion(UUID ticketId) {
        return jdbc.sql("SELECT count(*) FROM entitlement_exclusion WHERE ticket_id = :ticket").param("ticket", ticketId)
                .query(Long.class).single() > 0;
    }

    public void recordOverride(UUID ticketId, Entitlement from, Entitlement to, String reason, String actor, Instant at) {
        jdbc.sql("""
                INSERT INTO entitlement_override (ticket_id, from_entitlement, to_entitlement, reason, actor, at)
                VALUES (:ticket, :from, :to, :reason, :actor, :at)
                """).param("ticket", ticketId).param("from", from == null ? null : from.name()).param("to", to.name())
                .param("reason", reason).param("actor", actor).param("at", utc(at)).update();
    }

    public Optional<Entitlement> latestOverride(UUID ticketId) {
        return jdbc.sql("SELECT to_entitlement FROM entitlement_override WHERE ticket_id = :ticket ORDER BY id DESC LIMIT 1")
                .param("ticket", ticketId).query(String.class).optional().map(Entitlement::valueOf);
    }

    public record EntitlementAuditEntry(String kind, String entitlementFrom, String entitlementTo, String reason,
                                        String note, String actor, Instant at) {
    }

    /** Exclusions and overrides of a ticket, oldest first (INT-07 audit). */
    public List<EntitlementAuditEntry> entitlementAudit(UUID ticketId) {
        return jdbc.sql("""
                SELECT 'EXCLUSION' AS kind, NULL AS f, 'PAID' AS t, reason, note, actor, at FROM entitlement_exclusion WHERE ticket_id = :ticket
                UNION ALL
                SELECT 'OVERRIDE', from_entitlement, to_entitlement, reason, NULL, actor, at FROM entitlement_override WHERE ticket_id = :ticket
                ORDER BY at
                """).param("ticket", ticketId)
                .query((rs, n) -> new EntitlementAuditEntry(rs.getString("kind"), rs.getString("f"), rs.getString("t"),
                        rs.getString("reason"), rs.getString("note"), rs.getString("actor"),
                        rs.getObject("at", OffsetDateTime.class).toInstant())).list();
    }

    public void recordInspection(UUID id, boolean confirmed, String finding, String actor, Instant at) {
        jdbc.sql("""
                UPDATE ticket SET inspection_confirmed = :confirmed, inspection_finding = :finding, inspection_by = :actor,
                    inspection_at = :at, version = version + 1, updated_at = :at WHERE id = :id
                """).param("id", id).param("confirmed", confirmed).param("finding", finding).param("actor", actor)
                .param("at", utc(at)).update();
    }

    public void markMergedInto(UUID id, UUID target, Instant now) {
        jdbc.sql("UPDATE ticket SET merged_into_ticket_id = :target, version = version + 1, updated_at = :at WHERE id = :id")
                .param("id", id).param("target", target).param("at", utc(now)).update();
    }

    public void link(UUID ticketId, UUID linkedTicketId, TicketLink.Relation relation, String actor, Instant at) {
        jdbc.sql("""
                INSERT INTO ticket_link (ticket_id, linked_ticket_id, relation, at, actor) VALUES (:a, :b, :relation, :at, :actor)
                ON CONFLICT (ticket_id, linked_ticket_id) DO UPDATE SET relation = EXCLUDED.relation, at = EXCLUDED.at, actor = EXCLUDED.actor
                """).param("a", ticketId).param("b", linkedTicketId).param("relation", relation.name())
                .param("at", utc(at)).param("actor", actor).update();
    }

    public List<TicketLink> links(UUID ticketId) {
        return jdbc.sql("""
                SELECT l.linked_ticket_id, t.number, t.state, l.relation, l.at, l.actor
                FROM ticket_link l JOIN ticket t ON t.id = l.linked_ticket_id WHERE l.ticket_id = :id ORDER BY l.at
                """).param("id", ticketId)
                .query((rs, n) -> new TicketLink(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        TicketLink.Relation.valueOf(rs.getString(4)), rs.getObject(5, OffsetDateTime.class).toInstant(),
                        rs.getString(6))).list();
    }

    public void recordHistory(UUID ticketId, Instant at, String actor, String action, TicketState from, TicketState to,
                              String detail) {
        jdbc.sql("""
                INSERT INTO ticket_history (ticket_id, at, actor, action, from_state, to_state, detail)
                VALUES (:ticket, :at, :actor, :action, :from, :to, :detail)
                """)
                .param("ticket", ticketId).param("at", utc(at)).param("actor", actor).param("action", action)
                .param("from", from == null ? null : from.name()).param("to", to == null ? null : to.name())
                .param("detail", detail).update();
    }

    private Ticket map(ResultSet rs, int row) throws SQLException {
        String category = rs.getString("category");
        Object inspection = rs.getObject("inspection_confirmed");
        return new Ticket(rs.getObject("id", UUID.class), rs.getString("number"), rs.getObject("customer_id", UUID.class),
                rs.getString("customer_region"), rs.getObject("installed_product_id", UUID.class),
                rs.getString("product_model"), rs.getString("product_line"), rs.getString("serial_number"),
                rs.getObject("ship_date", LocalDate.class), rs.getObject("reported_on", LocalDate.class),
                rs.getString("fault_description"), Channel.valueOf(rs.getString("channel")),
                TicketKind.valueOf(rs.getString("kind")), category == null ? null : TicketCategory.valueOf(category),
                Classification.valueOf(rs.getString("classification")),
                Classification.Route.valueOf(rs.getString("routed_to")),
                ServiceType.valueOf(rs.getString("service_type")), Priority.valueOf(rs.getString("priority")),
                entitlement(rs.getString("entitlement")), entitlement(rs.getString("computed_entitlement")),
                rs.getString("entitlement_reason"), rs.getObject("warranty_end", LocalDate.class),
                inspection == null ? null : (Boolean) inspection, rs.getBoolean("customer_blocked"),
                rs.getBoolean("quality_must_report"), json.readValue(rs.getString("expected_parts"), PARTS),
                TicketState.valueOf(rs.getString("state")), rs.getObject("work_order_id", UUID.class),
                rs.getObject("merged_into_ticket_id", UUID.class), List.of(), rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"));
    }

    private static Entitlement entitlement(String value) {
        return value == null ? null : Entitlement.valueOf(value);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** What the INT-05 closing gate needs besides the state: quality's report, and a revisit already done. */
    public record ClosingFacts(UUID improvementReportId, String revisitDoneBecause) {
    }

    public ClosingFacts closingFacts(UUID id) {
        return jdbc.sql("SELECT improvement_report_id, revisit_done_because FROM ticket WHERE id = :id").param("id", id)
                .query((rs, n) -> new ClosingFacts(rs.getObject(1, UUID.class), rs.getString(2))).single();
    }

    /** Records quality's improvement report (QLT-05) for the ticket; false if one was already recorded. */
    public boolean recordImprovementReport(UUID id, UUID reportId, Instant issuedAt, Instant now) {
        return jdbc.sql("""
                UPDATE ticket SET improvement_report_id = :report, improvement_report_issued_at = :issuedAt,
                    version = version + 1, updated_at = :now WHERE id = :id AND improvement_report_id IS NULL
                """).param("id", id).param("report", reportId).param("issuedAt", utc(issuedAt)).param("now", utc(now))
                .update() == 1;
    }

    /** The revisit is done ({@code because} = RevisitCompleted / RevisitUnreachable), or null to forget it. */
    public void recordRevisitDone(UUID id, String because, Instant at, Instant now) {
        jdbc.sql("""
                UPDATE ticket SET revisit_done_because = :because, revisit_done_at = :at, version = version + 1,
                    updated_at = :now WHERE id = :id
                """).param("id", id).param("because", because).param("at", at == null ? null : utc(at))
                .param("now", utc(now)).update();
    }

    /** Whether the ticket has a complaint still being handled (not DONE, not REJECTED). */
    public boolean hasOpenComplaint(UUID ticketId) {
        return jdbc.sql("SELECT count(*) FROM complaint WHERE ticket_id = :ticket AND state NOT IN ('DONE', 'REJECTED')")
                .param("ticket", ticketId).query(Long.class).single() > 0;
    }

    /** The human number of a ticket, without loading the rest (jobs that publish about many tickets). */
    public Optional<String> numberOf(UUID id) {
        return jdbc.sql("SELECT number FROM ticket WHERE id = :id").param("id", id).query(String.class).optional();
    }

    /** The ticket's state alone (the SLA clocks ask it on every start). */
    public Optional<TicketState> stateOf(UUID id) {
        return jdbc.sql("SELECT state FROM ticket WHERE id = :id").param("id", id).query(String.class).optional()
                .map(TicketState::valueOf);
    }
}
