package com.opensvc.aftersales.dispatch.depot;

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

import com.opensvc.aftersales.dispatch.depot.DepotRepair.FactoryShipment;
import com.opensvc.aftersales.dispatch.depot.DepotRepair.Loaner;
import com.opensvc.aftersales.dispatch.depot.DepotRepair.RepairReport;
import com.opensvc.aftersales.dispatch.depot.DepotRepair.ReturnShipment;
import com.opensvc.aftersales.dispatch.depot.DepotRepair.ReturnedTo;
import com.opensvc.aftersales.dispatch.depot.DepotRepairChange.Step;
import com.opensvc.aftersales.dispatch.depot.DepotRepairEvents.LoanerOutcome;
import com.opensvc.aftersales.dispatch.workorder.RecordVisitRequest;
import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import lombok.RequiredArgsConstructor;

/** The only SQL that writes {@code depot_repair} and {@code depot_repair_step}. */
@Repository
@RequiredArgsConstructor
class DepotRepairRepository {
    private static final TypeReference<List<RecordVisitRequest.PartUsed>> PARTS = new TypeReference<>() {
    };
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final OutboxWriter outbox;

    /** A step as the API shows it. */
    public record StepView(long sequence, Instant at, String actor, String step, DepotRepairState fromState,
                           DepotRepairState toState, JsonNode details) {
    }

    /** A loaner unit lent on a depot repair, out or back. */
    public record LoanerUnit(String serialNumber, UUID depotRepairId, UUID workOrderId, UUID ticketId,
                             String rmaNumber, Instant lentAt, Instant returnedAt, LoanerOutcome outcome, String note) {
    }

    record Filter(DepotRepairState state, boolean overdue, UUID workOrderId, String technician, Instant now) {
    }

    /**
     * Writes a change in the caller's transaction: the row, its steps and the outbox rows of its events (EVT-01).
     *
     * @return false, having written nothing, when the change opens a depot repair for a work order that has one
     */
    boolean save(DepotRepairChange change) {
        DepotRepair repair = change.repair();
        if (change.opens()) {
            if (!insertIfAbsent(repair)) {
                return false;
            }
        } else {
            update(repair);
        }
        change.steps().forEach(step -> insertStep(repair.id(), step));
        outbox.appendAll(change.events());
        return true;
    }

    /** DSP-07: the next return authorisation number of the year, e.g. RMA-2026-000123 (a database sequence). */
    String nextRmaNumber(int year) {
        long next = jdbc.sql("SELECT nextval('depot_rma_number_seq')").query(Long.class).single();
        return "RMA-%d-%06d".formatted(year, next);
    }

    Optional<DepotRepair> find(UUID id) {
        return jdbc.sql("SELECT * FROM depot_repair WHERE id = :id").param("id", id).query(this::map).optional();
    }

    Optional<DepotRepair> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM depot_repair WHERE id = :id FOR UPDATE").param("id", id).query(this::map)
                .optional();
    }

    Optional<DepotRepair> findOfWorkOrder(UUID workOrderId) {
        return jdbc.sql("SELECT * FROM depot_repair WHERE work_order_id = :id").param("id", workOrderId)
                .query(this::map).optional();
    }

    /** {@code overdue}: received, not yet handed to the carrier, not away at the factory, and past its due time. */
    PageOf<DepotRepair> search(Filter filter, Paging paging) {
        // a technician's list joins the work order (a read of another feature's table, never a write)
        String where = """
                 WHERE (CAST(:state AS text) IS NULL OR d.state = :state)
                   AND (CAST(:workOrder AS uuid) IS NULL OR d.work_order_id = :workOrder)
                   AND (CAST(:technician AS text) IS NULL OR w.technician = :technician)
                   AND (NOT :overdue OR (d.state IN ('IN_REPAIR', 'REPAIRED', 'TESTED') AND d.due_at < :now))
                """;
        String from = " FROM depot_repair d JOIN work_order w ON w.id = d.work_order_id";
        List<DepotRepair> items = jdbc.sql("SELECT d.*" + from + where
                        + " ORDER BY d.due_at NULLS LAST, d.created_at, d.id LIMIT :limit OFFSET :offset")
                .params(filterParams(filter)).param("limit", paging.size()).param("offset", paging.offset())
                .query(this::map).list();
        long total = jdbc.sql("SELECT count(*)" + from + where).params(filterParams(filter)).query(Long.class).single();
        return paging.of(items, total);
    }

    private static java.util.Map<String, Object> filterParams(Filter filter) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("state", filter.state() == null ? null : filter.state().name());
        params.put("workOrder", filter.workOrderId());
        params.put("technician", filter.technician());
        params.put("overdue", filter.overdue());
        params.put("now", utc(filter.now()));
        return params;
    }

    PageOf<StepView> steps(UUID repairId, Paging paging) {
        List<StepView> items = jdbc.sql("""
                        SELECT * FROM depot_repair_step WHERE depot_repair_id = :id ORDER BY id
                         LIMIT :limit OFFSET :offset
                        """)
                .param("id", repairId).param("limit", paging.size()).param("offset", paging.offset())
                .query((rs, row) -> new StepView(rs.getLong("id"), instant(rs, "at"), rs.getString("actor"),
                        rs.getString("step"), state(rs.getString("from_state")), state(rs.getString("to_state")),
                        json.readTree(rs.getString("details"))))
                .list();
        long total = jdbc.sql("SELECT count(*) FROM depot_repair_step WHERE depot_repair_id = :id")
                .param("id", repairId).query(Long.class).single();
        return paging.of(items, total);
    }

    /** The loaner units lent on depot repairs; {@code out}: only those not back yet. */
    PageOf<LoanerUnit> loaners(Boolean out, Paging paging) {
        String where = """
                 WHERE loaner_serial IS NOT NULL
                   AND (CAST(:out AS boolean) IS NULL OR (loaner_returned_at IS NULL) = :out)
                """;
        List<LoanerUnit> items = jdbc.sql("SELECT * FROM depot_repair" + where
                        + " ORDER BY loaner_lent_at, id LIMIT :limit OFFSET :offset")
                .param("out", out).param("limit", paging.size()).param("offset", paging.offset())
                .query((rs, row) -> new LoanerUnit(rs.getString("loaner_serial"), rs.getObject("id", UUID.class),
                        rs.getObject("work_order_id", UUID.class), rs.getObject("ticket_id", UUID.class),
                        rs.getString("rma_number"), instant(rs, "loaner_lent_at"), instant(rs, "loaner_returned_at"),
                        loanerOutcome(rs), rs.getString("loaner_note")))
                .list();
        long total = jdbc.sql("SELECT count(*) FROM depot_repair" + where).param("out", out).query(Long.class).single();
        return paging.of(items, total);
    }

    /** The depot repair that has this loaner unit out, if any. */
    Optional<String> loanerOutOn(String serial) {
        return jdbc.sql("""
                SELECT rma_number FROM depot_repair WHERE loaner_serial = :serial AND loaner_returned_at IS NULL
                """).param("serial", serial).query(String.class).optional();
    }

    private boolean insertIfAbsent(DepotRepair d) {
        return jdbc.sql("""
                INSERT INTO depot_repair (id, work_order_id, ticket_id, rma_number, option, arrival,
                    equipment_must_keep_working, state, created_at, created_by, version)
                VALUES (:id, :workOrder, :ticket, :rma, :option, :arrival, :keepWorking, :state, :at, :by, :version)
                ON CONFLICT (work_order_id) DO NOTHING
                """)
                .param("id", d.id()).param("workOrder", d.workOrderId()).param("ticket", d.ticketId())
                .param("rma", d.rmaNumber()).param("option", d.option().name()).param("arrival", d.arrival().name())
                .param("keepWorking", d.equipmentMustKeepWorking()).param("state", d.state().name())
                .param("at", utc(d.createdAt())).param("by", d.createdBy()).param("version", d.version())
                .update() == 1;
    }

    /** The columns a step changes; the row is locked ({@link #findForUpdate}). */
    private void update(DepotRepair d) {
        Loaner loaner = d.loaner();
        RepairReport report = d.report();
        FactoryShipment factory = d.factory();
        ReturnShipment shipment = d.returnShipment();
        jdbc.sql("""
                UPDATE depot_repair
                   SET state = :state, received_at = :received, due_at = :due, paused_at = :paused,
                       exchange_unit_serial = :exchange, loaner_serial = :loanerSerial, loaner_lent_at = :lentAt,
                       loaner_returned_at = :loanerBack, loaner_outcome = :loanerOutcome, loaner_note = :loanerNote,
                       symptom = :symptom, cause_code = :cause, actions = :actions, parts_used = CAST(:parts AS jsonb),
                       labour_minutes = :labour, repaired_by = :repairedBy, repaired_at = :repairedAt,
                       factory_carrier = :factoryCarrier, factory_tracking_number = :factoryTracking,
                       shipped_to_factory_at = :shipped, back_from_factory_at = :back, returned_to = :returnedTo,
                       return_carrier = :carrier, return_tracking_number = :tracking, postage_paid_by = :paidBy,
                       postage_cost = :postage, postage_currency = :currency, handed_to_carrier_at = :handed,
                       within_target = :within, closed_at = :closed, version = :version
                 WHERE id = :id
                """)
                .param("id", d.id()).param("state", d.state().name()).param("received", utc(d.receivedAt()))
                .param("due", utc(d.dueAt())).param("paused", utc(d.pausedAt()))
                .param("exchange", d.exchangeUnitSerial())
                .param("loanerSerial", loaner == null ? null : loaner.serialNumber())
                .param("lentAt", loaner == null ? null : utc(loaner.lentAt()))
                .param("loanerBack", loaner == null ? null : utc(loaner.returnedAt()))
                .param("loanerOutcome", loaner == null || loaner.outcome() == null ? null : loaner.outcome().name())
                .param("loanerNote", loaner == null ? null : loaner.note())
                .param("symptom", report == null ? null : report.symptom())
                .param("cause", report == null ? null : report.causeCode())
                .param("actions", report == null ? null : report.actions())
                .param("parts", report == null ? null : json.writeValueAsString(report.partsUsed()))
                .param("labour", report == null ? null : report.labourMinutes())
                .param("repairedBy", report == null ? null : report.recordedBy())
                .param("repairedAt", report == null ? null : utc(report.recordedAt()))
                .param("factoryCarrier", factory == null ? null : factory.carrier())
                .param("factoryTracking", factory == null ? null : factory.trackingNumber())
                .param("shipped", factory == null ? null : utc(factory.shippedAt()))
                .param("back", factory == null ? null : utc(factory.backAt()))
                .param("returnedTo", shipment == null ? null : shipment.returnedTo().name())
                .param("carrier", shipment == null ? null : shipment.carrier())
                .param("tracking", shipment == null ? null : shipment.trackingNumber())
                .param("paidBy", shipment == null ? null : shipment.postagePaidBy())
                .param("postage", shipment == null ? null : shipment.postageCost())
                .param("currency", shipment == null ? null : shipment.currency())
                .param("handed", shipment == null ? null : utc(shipment.handedToCarrierAt()))
                .param("within", shipment == null ? null : shipment.withinTarget())
                .param("closed", utc(d.closedAt())).param("version", d.version())
                .update();
    }

    private void insertStep(UUID repairId, Step step) {
        jdbc.sql("""
                INSERT INTO depot_repair_step (depot_repair_id, at, actor, step, from_state, to_state, details)
                VALUES (:id, :at, :actor, :step, :from, :to, CAST(:details AS jsonb))
                """)
                .param("id", repairId).param("at", utc(step.at())).param("actor", step.actor())
                .param("step", step.step()).param("from", step.from() == null ? null : step.from().name())
                .param("to", step.to() == null ? null : step.to().name())
                .param("details", json.writeValueAsString(step.details())).update();
    }

    private DepotRepair map(ResultSet rs, int row) throws SQLException {
        String loanerSerial = rs.getString("loaner_serial");
        String symptom = rs.getString("symptom");
        String factoryCarrier = rs.getString("factory_carrier");
        String returnedTo = rs.getString("returned_to");
        return new DepotRepair.Builder().id(rs.getObject("id", UUID.class))
                .workOrderId(rs.getObject("work_order_id", UUID.class)).ticketId(rs.getObject("ticket_id", UUID.class))
                .rmaNumber(rs.getString("rma_number")).option(DepotOption.valueOf(rs.getString("option")))
                .arrival(DepotArrival.valueOf(rs.getString("arrival")))
                .equipmentMustKeepWorking(rs.getBoolean("equipment_must_keep_working"))
                .state(DepotRepairState.valueOf(rs.getString("state"))).createdAt(instant(rs, "created_at"))
                .createdBy(rs.getString("created_by")).receivedAt(instant(rs, "received_at"))
                .dueAt(instant(rs, "due_at")).pausedAt(instant(rs, "paused_at"))
                .exchangeUnitSerial(rs.getString("exchange_unit_serial"))
                .loaner(loanerSerial == null ? null : new Loaner(loanerSerial, instant(rs, "loaner_lent_at"),
                        instant(rs, "loaner_returned_at"), loanerOutcome(rs), rs.getString("loaner_note")))
                .report(symptom == null ? null : new RepairReport(symptom, rs.getString("cause_code"),
                        rs.getString("actions"), json.readValue(rs.getString("parts_used"), PARTS),
                        rs.getInt("labour_minutes"), rs.getString("repaired_by"), instant(rs, "repaired_at")))
                .factory(factoryCarrier == null ? null : new FactoryShipment(factoryCarrier,
                        rs.getString("factory_tracking_number"), instant(rs, "shipped_to_factory_at"),
                        instant(rs, "back_from_factory_at")))
                .returnShipment(returnedTo == null ? null : new ReturnShipment(ReturnedTo.valueOf(returnedTo),
                        rs.getString("return_carrier"), rs.getString("return_tracking_number"),
                        rs.getString("postage_paid_by"), rs.getBigDecimal("postage_cost"),
                        rs.getString("postage_currency"), instant(rs, "handed_to_carrier_at"),
                        rs.getBoolean("within_target")))
                .closedAt(instant(rs, "closed_at")).version(rs.getInt("version"))
                .build();
    }

    private static LoanerOutcome loanerOutcome(ResultSet rs) throws SQLException {
        String outcome = rs.getString("loaner_outcome");
        return outcome == null ? null : LoanerOutcome.valueOf(outcome);
    }

    private static DepotRepairState state(String name) {
        return name == null ? null : DepotRepairState.valueOf(name);
    }
}
