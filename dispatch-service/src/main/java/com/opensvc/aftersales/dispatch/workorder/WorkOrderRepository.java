package com.opensvc.aftersales.dispatch.workorder;

import static com.opensvc.aftersales.data.Timestamps.instant;
import static com.opensvc.aftersales.data.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.dispatch.workorder.WorkOrderChange.HistoryLine;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderChange.Visit;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.RepairNotFixed;
import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import lombok.RequiredArgsConstructor;

@Repository
@RequiredArgsConstructor
class WorkOrderRepository {
    private static final TypeReference<List<PartLine>> PARTS = new TypeReference<>() {
    };
    private static final TypeReference<List<Backorder.MissingPart>> MISSING = new TypeReference<>() {
    };
    private static final TypeReference<List<SlipApproval>> APPROVALS = new TypeReference<>() {
    };
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final OutboxWriter outbox;

    /**
     * Writes a change in the caller's transaction: the work order's row, its visit, its history lines and the outbox
     * rows of its events (EVT-01).
     *
     * @return false, having written nothing, when the change opens a work order for an acceptance that already has one,
     *         or for a ticket whose work order is still open (DSP-01)
     */
    boolean save(WorkOrderChange change) {
        WorkOrder workOrder = change.workOrder();
        if (change.opens()) {
            if (!insertIfAbsent(workOrder)) {
                return false;
            }
        } else {
            update(workOrder);
        }
        if (change.events().stream().anyMatch(ServiceSlipApproved.class::isInstance)) {
            updateSlipApprovals(workOrder);
        }
        change.visits().forEach(this::insertVisit);
        change.events().stream().filter(RepairNotFixed.class::isInstance).map(RepairNotFixed.class::cast)
                .forEach(this::insertNotFixedVisit);
        change.history().forEach(line -> recordHistory(workOrder.id(), line));
        outbox.appendAll(change.events());
        return true;
    }

    Optional<WorkOrder> find(UUID id) {
        return jdbc.sql("SELECT * FROM work_order WHERE id = :id").param("id", id).query(this::map).optional();
    }

    Optional<WorkOrder> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM work_order WHERE id = :id FOR UPDATE").param("id", id).query(this::map).optional();
    }

    /** The ticket's open work order (at most one, DSP-01), locked. */
    Optional<WorkOrder> findOpenOfTicketForUpdate(UUID ticketId) {
        return jdbc.sql("""
                SELECT * FROM work_order WHERE ticket_id = :ticket AND state NOT IN ('COMPLETED', 'CANCELLED')
                   FOR UPDATE
                """).param("ticket", ticketId).query(this::map).optional();
    }

    /** DSP-01: the ticket's latest work order, the one a new acceptance links to. */
    Optional<UUID> latestOfTicket(UUID ticketId) {
        return jdbc.sql("SELECT id FROM work_order WHERE ticket_id = :ticket ORDER BY created_at DESC, id LIMIT 1")
                .param("ticket", ticketId).query(UUID.class).optional();
    }

    PageOf<WorkOrder> search(UUID ticketId, String technician, Paging paging) {
        String where = """
                 WHERE (CAST(:ticket AS uuid) IS NULL OR ticket_id = :ticket)
                   AND (CAST(:technician AS text) IS NULL OR technician = :technician)
                """;
        List<WorkOrder> items = jdbc.sql("SELECT * FROM work_order" + where
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .param("ticket", ticketId).param("technician", technician).param("limit", paging.size())
                .param("offset", paging.offset())
                .query(this::map).list();
        long total = jdbc.sql("SELECT count(*) FROM work_order" + where)
                .param("ticket", ticketId).param("technician", technician).query(Long.class).single();
        return paging.of(items, total);
    }

    /**
     * DSP-02: the open pool: NEW orders waiting for a claim, oldest first; for a technician ({@code technician} not
     * null) only those of their regions and skills (a read of the technician table, no write).
     */
    PageOf<WorkOrder> openPool(String technician, Paging paging) {
        String where = """
                 WHERE w.state = 'NEW' AND w.in_pool_since IS NOT NULL
                   AND (CAST(:technician AS text) IS NULL OR EXISTS (SELECT 1 FROM technician t
                        WHERE t.login = :technician AND w.region = ANY (t.regions)
                          AND (w.product_line IS NULL OR w.product_line = ANY (t.product_lines))))
                """;
        List<WorkOrder> items = jdbc.sql("SELECT w.* FROM work_order w" + where
                        + " ORDER BY w.in_pool_since, w.id LIMIT :limit OFFSET :offset")
                .param("technician", technician).param("limit", paging.size()).param("offset", paging.offset())
                .query(this::map).list();
        long total = jdbc.sql("SELECT count(*) FROM work_order w" + where).param("technician", technician)
                .query(Long.class).single();
        return paging.of(items, total);
    }

    /** INT-22: the technician's assigned, open orders where nobody has arrived yet, locked. */
    List<WorkOrder> openNotStartedOfForUpdate(String technician) {
        return jdbc.sql("""
                SELECT * FROM work_order WHERE technician = :technician AND arrived_at IS NULL
                   AND state NOT IN ('NEW', 'COMPLETED', 'CANCELLED')
                 ORDER BY created_at, id FOR UPDATE
                """).param("technician", technician).query(this::map).list();
    }

    /** DSP-06: the order's visits that did not fix the product (table not_fixed_visit, the one record of them). */
    int countNotFixedVisits(UUID workOrderId) {
        return jdbc.sql("SELECT count(*) FROM not_fixed_visit WHERE work_order_id = :id")
                .param("id", workOrderId).query(Integer.class).single();
    }

    void recordHistory(UUID workOrderId, HistoryLine line) {
        jdbc.sql("""
                INSERT INTO work_order_history (work_order_id, at, actor, action, from_state, to_state)
                VALUES (:id, :at, :actor, :action, :from, :to)
                """)
                .param("id", workOrderId).param("at", utc(line.at())).param("actor", line.actor())
                .param("action", line.action()).param("from", name(line.from())).param("to", name(line.to()))
                .update();
    }

    /** Issue 18: {@code lines.get(i)} in the history of {@code workOrderIds.get(i)}, with one statement, in order. */
    void recordHistories(List<UUID> workOrderIds, List<HistoryLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO work_order_history (work_order_id, at, actor, action, from_state, to_state)
                SELECT h.work_order_id, h.at, h.actor, h.action, h.from_state, h.to_state
                  FROM unnest(CAST(:ids AS uuid[]), CAST(:ats AS timestamptz[]), CAST(:actors AS text[]),
                              CAST(:actions AS text[]), CAST(:froms AS text[]), CAST(:tos AS text[]))
                       WITH ORDINALITY AS h(work_order_id, at, actor, action, from_state, to_state, n)
                 ORDER BY h.n
                """)
                .param("ids", workOrderIds.stream().map(UUID::toString).toArray(String[]::new))
                .param("ats", lines.stream().map(l -> l.at().toString()).toArray(String[]::new))
                .param("actors", lines.stream().map(HistoryLine::actor).toArray(String[]::new))
                .param("actions", lines.stream().map(HistoryLine::action).toArray(String[]::new))
                .param("froms", lines.stream().map(l -> name(l.from())).toArray(String[]::new))
                .param("tos", lines.stream().map(l -> name(l.to())).toArray(String[]::new))
                .update();
    }

    private boolean insertIfAbsent(WorkOrder w) {
        return jdbc.sql("""
                INSERT INTO work_order (id, ticket_id, ticket_number, service_type, product_line, product_model,
                    serial_number, region, entitlement, priority, expected_parts, state, created_at, acceptance_event_id,
                    previous_work_order_id, kind, customer_id, installed_product_id, customer_name, contact_name,
                    site_address)
                VALUES (:id, :ticket, :number, :serviceType, :line, :model, :serial, :region, :entitlement, :priority,
                    CAST(:parts AS jsonb), :state, :at, :acceptance, :previous, :kind, :customer, :product,
                    :customerName, :contactName, :address)
                ON CONFLICT DO NOTHING
                """)
                .param("id", w.id()).param("ticket", w.ticketId()).param("number", w.ticketNumber())
                .param("serviceType", w.serviceType()).param("line", w.productLine()).param("model", w.productModel())
                .param("serial", w.serialNumber()).param("region", w.region()).param("entitlement", w.entitlement())
                .param("priority", w.priority()).param("parts", json.writeValueAsString(w.expectedParts()))
                .param("state", w.state().name()).param("at", utc(w.createdAt()))
                .param("acceptance", w.acceptanceEventId()).param("previous", w.previousWorkOrderId())
                .param("kind", w.kind()).param("customer", w.customerId()).param("product", w.installedProductId())
                .param("customerName", w.site() == null ? null : w.site().customerName())
                .param("contactName", w.site() == null ? null : w.site().contactName())
                .param("address", w.site() == null ? null : w.site().address())
                .update() == 1;
    }

    /** The columns a transition changes; the row is locked ({@link #findForUpdate}) or was inserted by this transaction. */
    private void update(WorkOrder w) {
        jdbc.sql("""
                UPDATE work_order
                   SET state = :state, proposed_technician = :proposed, technician = :technician,
                       assigned_at = :assigned, closed_at = :closed, arrived_at = :arrived,
                       work_started_at = :workStarted, version = :version, entitlement = :entitlement,
                       backorder = CAST(:backorder AS jsonb), backorder_expected_date = :expected,
                       held_from = :heldFrom, hold_for_quote = :forQuote, hold_reason = :holdReason, held_at = :heldAt,
                       handling = :handling, backup_technician = :backup, in_pool_since = :inPool,
                       handed_back_by = :handedBackBy, handed_back_from = :handedBackFrom
                 WHERE id = :id
                """)
                .param("id", w.id()).param("state", w.state().name()).param("proposed", w.proposedTechnician())
                .param("technician", w.technician()).param("assigned", utc(w.assignedAt()))
                .param("closed", utc(w.closedAt())).param("arrived", utc(w.arrivedAt()))
                .param("workStarted", utc(w.workStartedAt())).param("version", w.version())
                .param("entitlement", w.entitlement())
                .param("backorder", w.backorder() == null ? null : json.writeValueAsString(w.backorder().lines()))
                .param("expected", w.backorder() == null ? null : w.backorder().expectedDate())
                .param("heldFrom", w.hold() == null ? null : w.hold().heldFrom().name())
                .param("forQuote", w.hold() != null && w.hold().forQuote())
                .param("holdReason", w.hold() == null ? null : w.hold().reason())
                .param("heldAt", w.hold() == null ? null : utc(w.hold().since()))
                .param("handling", w.handling() == null ? null : w.handling().name())
                .param("backup", w.backupTechnician()).param("inPool", utc(w.inPoolSince()))
                .param("handedBackBy", w.handedBackBy()).param("handedBackFrom", name(w.handedBackFrom()))
                .update();
    }

    /** DSP-02: the service slip's approvals, written with the approval's history line and event. */
    private void updateSlipApprovals(WorkOrder w) {
        jdbc.sql("UPDATE work_order SET slip_approvals = CAST(:approvals AS jsonb) WHERE id = :id")
                .param("id", w.id()).param("approvals", json.writeValueAsString(w.slipApprovals())).update();
    }

    private void insertVisit(Visit visit) {
        RecordVisitRequest report = visit.report();
        jdbc.sql("""
                INSERT INTO visit (id, work_order_id, technician, outcome, symptom, cause_code, actions, parts_used,
                    labour_minutes, customer_confirmation, recorded_at)
                VALUES (:id, :workOrder, :tech, :outcome, :symptom, :cause, :actions, CAST(:parts AS jsonb), :labour,
                    :confirmation, :at)
                """)
                .param("id", visit.id()).param("workOrder", visit.workOrderId()).param("tech", visit.technician())
                .param("outcome", report.outcome().name()).param("symptom", report.symptom())
                .param("cause", report.causeCode()).param("actions", report.actions())
                .param("parts", json.writeValueAsString(report.partsUsed())).param("labour", report.labourMinutes())
                .param("confirmation", report.confirmationSummary()).param("at", utc(visit.recordedAt())).update();
        if (report.confirmation() != null) {
            insertConfirmation(visit, report);
        }
    }

    /** DSP-05: the customer's confirmation and rating ({@code DECLINED} when they would not rate). */
    private void insertConfirmation(Visit visit, RecordVisitRequest report) {
        CustomerConfirmation.Signature signature = report.confirmation().decodedSignature();
        jdbc.sql("""
                INSERT INTO visit_confirmation (visit_id, work_order_id, method, code, signature, signature_type,
                    rating, recorded_at)
                VALUES (:visit, :workOrder, :method, :code, :signature, :type, :rating, :at)
                """)
                .param("visit", visit.id()).param("workOrder", visit.workOrderId())
                .param("method", report.confirmation().method().name()).param("code", report.confirmation().code())
                .param("signature", signature == null ? null : signature.image())
                .param("type", signature == null ? null : signature.mediaType())
                .param("rating", report.customerRating() == null ? "DECLINED" : report.customerRating().name())
                .param("at", utc(visit.recordedAt())).update();
    }

    /** DSP-06: the NOT_FIXED visit is what RepairNotFixed reports; written once, with the change that publishes it. */
    private void insertNotFixedVisit(RepairNotFixed visit) {
        jdbc.sql("""
                INSERT INTO not_fixed_visit (id, work_order_id, technician, site_situation, symptom, actions_tried,
                    labour_minutes, question, attachments, recorded_at)
                VALUES (:id, :workOrder, :tech, :situation, :symptom, :actions, :labour, :question,
                    CAST(:attachments AS jsonb), :at)
                """)
                .param("id", visit.visitId()).param("workOrder", visit.workOrderId())
                .param("tech", visit.technicianId()).param("situation", visit.siteSituation())
                .param("symptom", visit.symptom()).param("actions", visit.actionsTried())
                .param("labour", visit.labourMinutes()).param("question", visit.question())
                .param("attachments", json.writeValueAsString(visit.attachments()))
                .param("at", utc(visit.occurredAt())).update();
    }

    private WorkOrder map(ResultSet rs, int row) throws SQLException {
        return new WorkOrder.Builder().id(rs.getObject("id", UUID.class)).ticketId(rs.getObject("ticket_id", UUID.class))
                .ticketNumber(rs.getString("ticket_number")).serviceType(rs.getString("service_type"))
                .productLine(rs.getString("product_line")).productModel(rs.getString("product_model"))
                .serialNumber(rs.getString("serial_number")).region(rs.getString("region"))
                .entitlement(rs.getString("entitlement")).priority(rs.getString("priority"))
                .expectedParts(json.readValue(rs.getString("expected_parts"), PARTS))
                .state(WorkOrderState.valueOf(rs.getString("state")))
                .proposedTechnician(rs.getString("proposed_technician")).technician(rs.getString("technician"))
                .createdAt(instant(rs, "created_at")).assignedAt(instant(rs, "assigned_at"))
                .closedAt(instant(rs, "closed_at")).version(rs.getInt("version"))
                .arrivedAt(instant(rs, "arrived_at")).workStartedAt(instant(rs, "work_started_at"))
                .acceptanceEventId(rs.getObject("acceptance_event_id", UUID.class))
                .previousWorkOrderId(rs.getObject("previous_work_order_id", UUID.class))
                .backorder(backorder(rs)).hold(hold(rs)).kind(rs.getString("kind"))
                .customerId(rs.getObject("customer_id", UUID.class))
                .installedProductId(rs.getObject("installed_product_id", UUID.class)).site(site(rs))
                .slipApprovals(json.readValue(rs.getString("slip_approvals"), APPROVALS))
                .handling(rs.getString("handling") == null ? null : Handling.valueOf(rs.getString("handling")))
                .backupTechnician(rs.getString("backup_technician")).inPoolSince(instant(rs, "in_pool_since"))
                .handedBackBy(rs.getString("handed_back_by"))
                .handedBackFrom(rs.getString("handed_back_from") == null ? null
                        : WorkOrderState.valueOf(rs.getString("handed_back_from")))
                .build();
    }

    private Backorder backorder(ResultSet rs) throws SQLException {
        String lines = rs.getString("backorder");
        if (lines == null) {
            return null;
        }
        LocalDate expected = rs.getObject("backorder_expected_date", LocalDate.class);
        return new Backorder(json.readValue(lines, MISSING), expected);
    }

    private static Site site(ResultSet rs) throws SQLException {
        Site site = new Site(rs.getString("customer_name"), rs.getString("contact_name"), rs.getString("site_address"));
        return site.equals(new Site(null, null, null)) ? null : site;
    }

    private static Hold hold(ResultSet rs) throws SQLException {
        String heldFrom = rs.getString("held_from");
        return heldFrom == null ? null : new Hold(WorkOrderState.valueOf(heldFrom), rs.getBoolean("hold_for_quote"),
                rs.getString("hold_reason"), instant(rs, "held_at"));
    }

    private static String name(WorkOrderState state) {
        return state == null ? null : state.name();
    }
}
