package com.opensvc.aftersales.intake.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;
import com.opensvc.aftersales.intake.entitlement.Entitlement;
import com.opensvc.aftersales.intake.entitlement.ExclusionReason;
import com.opensvc.aftersales.intake.ticket.TicketChange.HistoryLine;
import com.opensvc.aftersales.messaging.OutboxWriter;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import lombok.RequiredArgsConstructor;

/** The only SQL that writes the ticket feature's tables: tickets, their history, links and entitlement audit. */
@Repository
@RequiredArgsConstructor
class TicketRepository {
    private static final TypeReference<List<ExpectedPart>> PARTS = new TypeReference<>() {
    };
    private static final String SELECT = "SELECT t.*, c.region AS customer_region FROM ticket t JOIN customer c ON c.id = t.customer_id ";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final OutboxWriter outbox;

    /** The next ticket number's sequence (V22: a database sequence, which no concurrent registration waits on). */
    long nextNumber() {
        return jdbc.sql("SELECT nextval('ticket_number_seq')").query(Long.class).single();
    }

    /** Writes what a transition caused, in the caller's transaction: the row, the timeline lines, the outbox rows. */
    void save(TicketChange change) {
        Ticket t = change.after();
        if (change.isNew()) {
            insert(t);
        } else if (change.rowChanged()) {
            update(t, change.at());
        }
        change.history().forEach(line -> appendHistory(t.id(), line));
        outbox.appendAll(change.events());
    }

    private void insert(Ticket t) {
        jdbc.sql("""
                INSERT INTO ticket (id, number, customer_id, installed_product_id, contact_id, product_model, product_line,
                    serial_number, ship_date, reported_on, fault_description, channel, kind, category, classification,
                    routed_to, service_type, priority, entitlement, computed_entitlement, entitlement_reason,
                    warranty_end, customer_blocked, quality_must_report, expected_parts, state, version, created_at,
                    created_by, updated_at, referred_by_name, referred_by_department)
                VALUES (:id, :number, :customer, :product, :contact, :model, :line, :serial, :shipDate, :reportedOn,
                    :fault, :channel, :kind, :category, :classification, :routedTo, :serviceType, :priority,
                    :entitlement, :computed, :reason, :warrantyEnd, :blocked, :quality, CAST(:parts AS jsonb), :state,
                    0, :at, :actor, :at, :referrerName, :referrerDepartment)
                """)
                .param("id", t.id()).param("number", t.number()).param("customer", t.customerId())
                .param("product", t.installedProductId()).param("contact", t.contactId())
                .param("model", t.productModel()).param("line", t.productLine()).param("serial", t.serialNumber())
                .param("shipDate", t.shipDate()).param("reportedOn", t.reportedOn()).param("fault", t.faultDescription())
                .param("channel", t.channel().name()).param("kind", t.kind().name()).param("category", name(t.category()))
                .param("classification", t.classification().name()).param("routedTo", t.routedTo().name())
                .param("serviceType", t.serviceType().name()).param("priority", t.priority().name())
                .param("entitlement", name(t.entitlement())).param("computed", name(t.computedEntitlement()))
                .param("reason", t.entitlementReason()).param("warrantyEnd", t.warrantyEnd())
                .param("blocked", t.customerBlocked()).param("quality", t.qualityMustReport())
                .param("parts", json.writeValueAsString(t.expectedParts())).param("state", t.state().name())
                .param("at", Timestamps.utc(t.createdAt())).param("actor", t.createdBy())
                .param("referrerName", t.referredBy() == null ? null : t.referredBy().name())
                .param("referrerDepartment", t.referredBy() == null ? null : t.referredBy().department().name())
                .update();
    }

    /** Everything a transition may change; the caller holds the row lock ({@link #findForUpdate}). */
    private void update(Ticket t, Instant at) {
        jdbc.sql("""
                UPDATE ticket SET state = :state, work_order_id = :workOrder, merged_into_ticket_id = :mergedInto,
                    entitlement = :entitlement, computed_entitlement = :computed, entitlement_reason = :reason,
                    warranty_end = :warrantyEnd, inspection_confirmed = :inspected, inspection_finding = :finding,
                    inspection_by = :inspectedBy, inspection_at = :inspectedAt, improvement_report_id = :report,
                    improvement_report_issued_at = :reportIssuedAt, resolved_at = :resolvedAt,
                    pending_until = :pendingUntil, paused_at = :pausedAt, assigned_technician = :technician,
                    assigned_work_order_id = :assignedWorkOrder, assigned_at = :assignedAt,
                    quote_resumes_to = :quoteResumesTo, version = version + 1, updated_at = :at
                WHERE id = :id
                """)
                .param("id", t.id()).param("state", t.state().name()).param("workOrder", t.workOrderId())
                .param("mergedInto", t.mergedIntoTicketId()).param("entitlement", name(t.entitlement()))
                .param("computed", name(t.computedEntitlement())).param("reason", t.entitlementReason())
                .param("warrantyEnd", t.warrantyEnd())
                .param("inspected", t.inspection().qualityProblemConfirmed()).param("finding", t.inspection().finding())
                .param("inspectedBy", t.inspection().by()).param("inspectedAt", Timestamps.utc(t.inspection().at()))
                .param("report", t.closing().improvementReportId())
                .param("reportIssuedAt", Timestamps.utc(t.closing().improvementReportIssuedAt()))
                .param("resolvedAt", Timestamps.utc(t.closing().resolvedAt()))
                .param("technician", t.assignment().technicianId())
                .param("assignedWorkOrder", t.assignment().workOrderId())
                .param("assignedAt", Timestamps.utc(t.assignment().at()))
                .param("quoteResumesTo", name(t.quoteResumesTo()))
                .param("pendingUntil", t.pause().pendingUntil()).param("pausedAt", Timestamps.utc(t.pause().pausedAt()))
                .param("at", Timestamps.utc(at))
                .update();
    }

    void appendHistory(UUID ticketId, HistoryLine line) {
        jdbc.sql("""
                INSERT INTO ticket_history (ticket_id, at, actor, action, from_state, to_state, detail)
                VALUES (:ticket, :at, :actor, :action, :from, :to, :detail)
                """)
                .param("ticket", ticketId).param("at", Timestamps.utc(line.at())).param("actor", line.actor())
                .param("action", line.action()).param("from", name(line.from())).param("to", name(line.to()))
                .param("detail", line.detail()).update();
    }

    Optional<Ticket> find(UUID id) {
        return jdbc.sql(SELECT + "WHERE t.id = :id").param("id", id).query(this::map).optional()
                .map(t -> t.toBuilder().links(links(id)).build());
    }

    /** Reads and row-locks the ticket for a change in the caller's transaction. */
    Optional<Ticket> findForUpdate(UUID id) {
        return jdbc.sql(SELECT + "WHERE t.id = :id FOR UPDATE OF t").param("id", id).query(this::map).optional()
                .map(t -> t.toBuilder().links(links(id)).build());
    }

    /** Open tickets for a serial number (INT-16), oldest first. */
    List<Ticket> openForSerial(String serialNumber, UUID except) {
        return jdbc.sql(SELECT + """
                WHERE t.serial_number = :serial AND t.id <> :except
                  AND t.state NOT IN ('CLOSED', 'CANCELLED', 'REJECTED', 'RESOLVED_REMOTELY', 'DECLINED_PAID_SERVICE')
                ORDER BY t.created_at
                """).param("serial", serialNumber).param("except", except).query(this::map).list();
    }

    /**
     * Tickets about an installed product that may still change entitlement (not resolved, not terminal; a change
     * after acceptance is INT-07's EntitlementChanged).
     * Outreach tickets are excluded: a defect campaign is at the company's cost whatever the dates say.
     */
    List<UUID> entitlementOpenForProduct(UUID installedProductId) {
        return jdbc.sql("""
                SELECT id FROM ticket WHERE installed_product_id = :product AND kind <> 'OUTREACH'
                  AND state IN ('REGISTERED', 'AWAITING_QUOTE', 'PENDING', 'ACCEPTED', 'IN_SERVICE', 'REOPENED')
                ORDER BY created_at
                """).param("product", installedProductId).query(UUID.class).list();
    }

    void recordExclusion(UUID ticketId, ExclusionReason reason, String note, String actor, Instant at) {
        jdbc.sql("""
                INSERT INTO entitlement_exclusion (ticket_id, reason, note, actor, at) VALUES (:ticket, :reason, :note, :actor, :at)
                """).param("ticket", ticketId).param("reason", reason.name()).param("note", note).param("actor", actor)
                .param("at", Timestamps.utc(at)).update();
    }

    boolean hasExclusion(UUID ticketId) {
        return jdbc.sql("SELECT count(*) FROM entitlement_exclusion WHERE ticket_id = :ticket").param("ticket", ticketId)
                .query(Long.class).single() > 0;
    }

    void recordOverride(UUID ticketId, Entitlement from, Entitlement to, String reason, String actor, Instant at) {
        jdbc.sql("""
                INSERT INTO entitlement_override (ticket_id, from_entitlement, to_entitlement, reason, actor, at)
                VALUES (:ticket, :from, :to, :reason, :actor, :at)
                """).param("ticket", ticketId).param("from", name(from)).param("to", to.name())
                .param("reason", reason).param("actor", actor).param("at", Timestamps.utc(at)).update();
    }

    Optional<Entitlement> latestOverride(UUID ticketId) {
        return jdbc.sql("SELECT to_entitlement FROM entitlement_override WHERE ticket_id = :ticket ORDER BY id DESC LIMIT 1")
                .param("ticket", ticketId).query(String.class).optional().map(Entitlement::valueOf);
    }

    /** Exclusions and overrides of a ticket, oldest first (INT-07 audit). */
    List<EntitlementAuditEntry> entitlementAudit(UUID ticketId) {
        return jdbc.sql("""
                SELECT 'EXCLUSION' AS kind, NULL AS f, 'PAID' AS t, reason, note, actor, at FROM entitlement_exclusion WHERE ticket_id = :ticket
                UNION ALL
                SELECT 'OVERRIDE', from_entitlement, to_entitlement, reason, NULL, actor, at FROM entitlement_override WHERE ticket_id = :ticket
                ORDER BY at
                """).param("ticket", ticketId)
                .query((rs, n) -> new EntitlementAuditEntry(rs.getString("kind"), rs.getString("f"), rs.getString("t"),
                        rs.getString("reason"), rs.getString("note"), rs.getString("actor"), Timestamps.instant(rs, "at")))
                .list();
    }

    void link(UUID ticketId, UUID linkedTicketId, TicketLink.Relation relation, String actor, Instant at) {
        jdbc.sql("""
                INSERT INTO ticket_link (ticket_id, linked_ticket_id, relation, at, actor) VALUES (:a, :b, :relation, :at, :actor)
                ON CONFLICT (ticket_id, linked_ticket_id) DO UPDATE SET relation = EXCLUDED.relation, at = EXCLUDED.at, actor = EXCLUDED.actor
                """).param("a", ticketId).param("b", linkedTicketId).param("relation", relation.name())
                .param("at", Timestamps.utc(at)).param("actor", actor).update();
    }

    private List<TicketLink> links(UUID ticketId) {
        return jdbc.sql("""
                SELECT l.linked_ticket_id, t.number, t.state, l.relation, l.at, l.actor
                FROM ticket_link l JOIN ticket t ON t.id = l.linked_ticket_id WHERE l.ticket_id = :id ORDER BY l.at
                """).param("id", ticketId)
                .query((rs, n) -> new TicketLink(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        TicketLink.Relation.valueOf(rs.getString(4)), Timestamps.instant(rs, 5), rs.getString(6))).list();
    }

    /** INT-13 REV-01: a revisit fact about the ticket, as it arrived. */
    void recordRevisitFact(UUID ticketId, RevisitFact fact, UUID revisitId, UUID workOrderId, Instant occurredAt,
                           Instant recordedAt) {
        jdbc.sql("""
                INSERT INTO ticket_revisit_fact (ticket_id, fact, revisit_id, work_order_id, occurred_at, recorded_at)
                VALUES (:ticket, :fact, :revisit, :workOrder, :occurredAt, :recordedAt)
                """).param("ticket", ticketId).param("fact", fact.name()).param("revisit", revisitId)
                .param("workOrder", workOrderId).param("occurredAt", Timestamps.utc(occurredAt))
                .param("recordedAt", Timestamps.utc(recordedAt)).update();
    }

    /**
     * INT-13 REV-01: the latest revisit decision about the ticket's latest resolution — one for the work order that
     * resolved it, or one that happened at or after the resolution (the facts arrive in any order across topics) —
     * and the scheduled revisits still without their outcome.
     */
    RevisitFacts revisitFacts(Ticket ticket) {
        if (ticket.closing().resolvedAt() == null) {
            return RevisitFacts.NONE;
        }
        String decided = jdbc.sql("""
                SELECT fact FROM ticket_revisit_fact
                WHERE ticket_id = :ticket AND fact IN ('NOT_REQUIRED', 'COMPLETED', 'UNREACHABLE')
                  AND (occurred_at >= :resolvedAt OR (work_order_id IS NOT NULL AND work_order_id = :workOrder))
                ORDER BY occurred_at DESC, id DESC LIMIT 1
                """).param("ticket", ticket.id()).param("resolvedAt", Timestamps.utc(ticket.closing().resolvedAt()))
                .param("workOrder", ticket.workOrderId()).query(String.class).optional()
                .map(fact -> RevisitFact.valueOf(fact).eventType()).orElse(null);
        int outstanding = jdbc.sql("""
                SELECT count(DISTINCT s.revisit_id) FROM ticket_revisit_fact s
                WHERE s.ticket_id = :ticket AND s.fact = 'SCHEDULED' AND s.revisit_id IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM ticket_revisit_fact f WHERE f.ticket_id = s.ticket_id
                                    AND f.revisit_id = s.revisit_id AND f.fact IN ('COMPLETED', 'UNREACHABLE', 'DISSATISFIED'))
                """).param("ticket", ticket.id()).query(Integer.class).single();
        return new RevisitFacts(decided, outstanding);
    }

    /** Whether the ticket has a complaint still being handled (not DONE, not REJECTED): a read of complaint's table. */
    boolean hasOpenComplaint(UUID ticketId) {
        return jdbc.sql("SELECT count(*) FROM complaint WHERE ticket_id = :ticket AND state NOT IN ('DONE', 'REJECTED')")
                .param("ticket", ticketId).query(Long.class).single() > 0;
    }

    /** The human number of a ticket, without loading the rest (jobs that publish about many tickets). */
    Optional<String> numberOf(UUID id) {
        return jdbc.sql("SELECT number FROM ticket WHERE id = :id").param("id", id).query(String.class).optional();
    }

    /** Issue 18: the numbers of the tickets among {@code ids} that exist, with one query. */
    Map<UUID, String> numbersOf(Collection<UUID> ids) {
        Map<UUID, String> numbers = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, number FROM ticket WHERE id = ANY(CAST(:ids AS uuid[]))")
                    .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                    .query((rs, row) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).list()
                    .forEach(e -> numbers.put(e.getKey(), e.getValue()));
        }
        return numbers;
    }

    /** Issue 18: {@code lines.get(i)} on the timeline of {@code ticketIds.get(i)}, all with one statement, in order. */
    void appendHistories(List<UUID> ticketIds, List<HistoryLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO ticket_history (ticket_id, at, actor, action, from_state, to_state, detail)
                SELECT h.ticket_id, h.at, h.actor, h.action, h.from_state, h.to_state, h.detail
                  FROM unnest(CAST(:tickets AS uuid[]), CAST(:ats AS timestamptz[]), CAST(:actors AS text[]),
                              CAST(:actions AS text[]), CAST(:froms AS text[]), CAST(:tos AS text[]),
                              CAST(:details AS text[]))
                       WITH ORDINALITY AS h(ticket_id, at, actor, action, from_state, to_state, detail, n)
                 ORDER BY h.n
                """)
                .param("tickets", ticketIds.stream().map(UUID::toString).toArray(String[]::new))
                .param("ats", lines.stream().map(l -> l.at().toString()).toArray(String[]::new))
                .param("actors", lines.stream().map(HistoryLine::actor).toArray(String[]::new))
                .param("actions", lines.stream().map(HistoryLine::action).toArray(String[]::new))
                .param("froms", lines.stream().map(l -> name(l.from())).toArray(String[]::new))
                .param("tos", lines.stream().map(l -> name(l.to())).toArray(String[]::new))
                .param("details", lines.stream().map(HistoryLine::detail).toArray(String[]::new))
                .update();
    }

    /** The ticket's state alone (the SLA clocks ask it on every start). */
    Optional<TicketState> stateOf(UUID id) {
        return jdbc.sql("SELECT state FROM ticket WHERE id = :id").param("id", id).query(String.class).optional()
                .map(TicketState::valueOf);
    }

    /**
     * INT-17: the next batch of a campaign's outreach tickets in one statement: the next {@code size} affected installed
     * products after {@code afterSerial} (serial order), their ticket numbers from the sequence, the tickets and their
     * REGISTERED history lines. The customer is the end user when the installed
     * base knows one, else the buying customer; the contact is that customer's primary contact. A product that already
     * has the campaign's ticket (a batch redone after a crash) gets no second one.
     */
    OutreachTickets.Batch openOutreachTickets(OutreachTickets c, String afterSerial, int size, int year,
                                              LocalDate today, Instant now) {
        return jdbc.sql("""
                WITH picked AS (
                    SELECT p.id, p.serial_number, p.product_model, p.product_line, p.ship_date,
                           COALESCE(p.end_user_customer_id, p.customer_id) AS customer_id
                    FROM installed_product p
                    WHERE p.product_model = :model
                      AND (CAST(:serialFrom AS text) IS NULL OR p.serial_number COLLATE "C" >= CAST(:serialFrom AS text))
                      AND (CAST(:serialTo AS text) IS NULL OR p.serial_number COLLATE "C" <= CAST(:serialTo AS text))
                      AND (CAST(:factoryFrom AS date) IS NULL OR p.factory_date >= CAST(:factoryFrom AS date))
                      AND (CAST(:factoryTo AS date) IS NULL OR p.factory_date <= CAST(:factoryTo AS date))
                      AND (CAST(:after AS text) IS NULL OR p.serial_number COLLATE "C" > CAST(:after AS text))
                    ORDER BY p.serial_number COLLATE "C"
                    LIMIT :size
                ),
                numbered AS (
                    SELECT picked.*, nextval('ticket_number_seq') AS num
                    FROM (SELECT * FROM picked ORDER BY serial_number COLLATE "C") picked
                ),
                inserted AS (
                    INSERT INTO ticket (id, number, customer_id, installed_product_id, contact_id, product_model,
                        product_line, serial_number, ship_date, reported_on, fault_description, channel, kind, category,
                        classification, routed_to, service_type, priority, entitlement, computed_entitlement,
                        entitlement_reason, customer_blocked, quality_must_report, expected_parts, state, version,
                        created_at, created_by, updated_at, campaign_id, contact_due_at)
                    SELECT gen_random_uuid(),
                           'T-' || CAST(:year AS text) || '-' || lpad(num::text, greatest(6, length(num::text)), '0'),
                           b.customer_id, b.id,
                           (SELECT cc.id FROM customer_contact cc WHERE cc.customer_id = b.customer_id
                             ORDER BY cc.is_primary DESC, cc.position LIMIT 1),
                           b.product_model, b.product_line, b.serial_number, b.ship_date, :today, :fault,
                           'INTERNAL_REFERRAL', 'OUTREACH', 'DEFECT_CAMPAIGN', 'AFTER_SALES', 'AFTER_SALES', 'ON_SITE',
                           'NORMAL', 'FREE_REPAIR', 'FREE_REPAIR', :entitlementReason, c.blocked, false, '[]'::jsonb,
                           'REGISTERED', 0, :now, :actor, :now, :campaign, :dueAt
                    FROM numbered b
                    JOIN customer c ON c.id = b.customer_id
                    ON CONFLICT (campaign_id, installed_product_id) WHERE campaign_id IS NOT NULL DO NOTHING
                    RETURNING id
                ),
                history AS (
                    INSERT INTO ticket_history (ticket_id, at, actor, action, from_state, to_state, detail)
                    SELECT id, :now, :actor, 'REGISTERED', NULL, 'REGISTERED', :detail FROM inserted
                    RETURNING 1
                )
                SELECT (SELECT count(*) FROM picked) AS picked,
                       (SELECT count(*) FROM inserted) AS created,
                       (SELECT count(*) FROM history) AS history,
                       (SELECT serial_number FROM picked ORDER BY serial_number COLLATE "C" DESC LIMIT 1) AS last_serial
                """)
                .param("model", c.productModel()).param("serialFrom", c.serialFrom()).param("serialTo", c.serialTo())
                .param("factoryFrom", c.factoryDateFrom()).param("factoryTo", c.factoryDateTo())
                .param("after", afterSerial).param("size", size).param("year", year).param("today", today)
                .param("fault", c.faultDescription())
                .param("entitlementReason", "defect campaign (QLT-08): remedied at the company's cost")
                .param("now", Timestamps.utc(now)).param("actor", c.actor()).param("campaign", c.campaignId())
                .param("dueAt", Timestamps.utc(c.contactDueAt())).param("detail", c.historyDetail())
                .query((rs, n) -> new OutreachTickets.Batch(rs.getInt("picked"), rs.getInt("created"),
                        rs.getString("last_serial")))
                .single();
    }

    private Ticket map(ResultSet rs, int row) throws SQLException {
        String category = rs.getString("category");
        return Ticket.builder().id(rs.getObject("id", UUID.class)).number(rs.getString("number"))
                .customerId(rs.getObject("customer_id", UUID.class)).customerRegion(rs.getString("customer_region"))
                .contactId(rs.getObject("contact_id", UUID.class))
                .installedProductId(rs.getObject("installed_product_id", UUID.class))
                .productModel(rs.getString("product_model")).productLine(rs.getString("product_line"))
                .serialNumber(rs.getString("serial_number")).shipDate(rs.getObject("ship_date", LocalDate.class))
                .reportedOn(rs.getObject("reported_on", LocalDate.class))
                .faultDescription(rs.getString("fault_description")).channel(Channel.valueOf(rs.getString("channel")))
                .referredBy(referrer(rs))
                .kind(TicketKind.valueOf(rs.getString("kind")))
                .category(category == null ? null : TicketCategory.valueOf(category))
                .classification(Classification.valueOf(rs.getString("classification")))
                .routedTo(Classification.Route.valueOf(rs.getString("routed_to")))
                .serviceType(ServiceType.valueOf(rs.getString("service_type")))
                .priority(Priority.valueOf(rs.getString("priority")))
                .entitlement(entitlement(rs.getString("entitlement")))
                .computedEntitlement(entitlement(rs.getString("computed_entitlement")))
                .entitlementReason(rs.getString("entitlement_reason"))
                .warrantyEnd(rs.getObject("warranty_end", LocalDate.class))
                .customerBlocked(rs.getBoolean("customer_blocked")).qualityMustReport(rs.getBoolean("quality_must_report"))
                .expectedParts(json.readValue(rs.getString("expected_parts"), PARTS))
                .state(TicketState.valueOf(rs.getString("state"))).workOrderId(rs.getObject("work_order_id", UUID.class))
                .mergedIntoTicketId(rs.getObject("merged_into_ticket_id", UUID.class)).version(rs.getInt("version"))
                .createdAt(Timestamps.instant(rs, "created_at")).createdBy(rs.getString("created_by"))
                .inspection(new Ticket.Inspection(rs.getObject("inspection_confirmed", Boolean.class),
                        rs.getString("inspection_finding"), rs.getString("inspection_by"),
                        Timestamps.instant(rs, "inspection_at")))
                .closing(new Ticket.Closing(rs.getObject("improvement_report_id", UUID.class),
                        Timestamps.instant(rs, "improvement_report_issued_at"), Timestamps.instant(rs, "resolved_at")))
                .assignment(new Ticket.Assignment(rs.getString("assigned_technician"),
                        rs.getObject("assigned_work_order_id", UUID.class), Timestamps.instant(rs, "assigned_at")))
                .quoteResumesTo(rs.getString("quote_resumes_to") == null ? null
                        : TicketState.valueOf(rs.getString("quote_resumes_to")))
                .pause(new Ticket.Pause(rs.getObject("pending_until", LocalDate.class), Timestamps.instant(rs, "paused_at")))
                .build();
    }

    private static Referrer referrer(ResultSet rs) throws SQLException {
        String department = rs.getString("referred_by_department");
        return department == null ? null
                : new Referrer(rs.getString("referred_by_name"), Referrer.Department.valueOf(department));
    }

    private static Entitlement entitlement(String value) {
        return value == null ? null : Entitlement.valueOf(value);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
