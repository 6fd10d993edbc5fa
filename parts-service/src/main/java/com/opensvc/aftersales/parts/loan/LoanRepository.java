package com.opensvc.aftersales.parts.loan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;
import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/** Loans and, in the same transaction, the events their moves publish (EVT-01). */
@Repository
@RequiredArgsConstructor
class LoanRepository {
    /** The statuses a loan ends in, for SQL (PRT-03, PRT-05). */
    private static final List<String> OUTCOMES = LoanStatus.OUTCOMES.stream().map(Enum::name).sorted().toList();

    private final JdbcClient jdbc;
    private final OutboxWriter outbox;

    void insert(Loan loan) {
        jdbc.sql("""
                INSERT INTO loan (id, work_order_id, ticket_id, technician, part_number, quantity, status, issued_at,
                    old_serial, settled_at, old_factory_date, product_model, product_serial_number, entitlement,
                    cause_code, symptom, closed_at, returned_serial, returned_factory_date, block_reason,
                    payment_reference, store, inspection_note, settled_by)
                VALUES (:id, :workOrder, :ticket, :tech, :part, :qty, :status, :at, :oldSerial, :settledAt,
                    :oldFactoryDate, :model, :productSerial, :entitlement, :cause, :symptom, :closedAt,
                    :returnedSerial, :returnedFactoryDate, :blockReason, :paymentReference, :store, :note, :settledBy)
                """)
                .param("id", loan.id()).param("workOrder", loan.workOrderId()).param("ticket", loan.ticketId())
                .param("tech", loan.technician()).param("part", loan.partNumber()).param("qty", loan.quantity())
                .param("status", loan.status().name()).param("at", Timestamps.utc(loan.issuedAt()))
                .params(settlement(loan)).update();
    }

    /** Writes the loan's move: the loan, the unused rest lent on, and the change's events (not PartsWrittenOff). */
    void save(LoanChange change) {
        Loan loan = change.loan();
        jdbc.sql("""
                UPDATE loan SET quantity = :qty, status = :status, technician = :tech, old_serial = :oldSerial,
                    settled_at = :settledAt, old_factory_date = :oldFactoryDate, product_model = :model,
                    product_serial_number = :productSerial, entitlement = :entitlement, cause_code = :cause,
                    symptom = :symptom, closed_at = :closedAt, returned_serial = :returnedSerial,
                    returned_factory_date = :returnedFactoryDate, block_reason = :blockReason,
                    payment_reference = :paymentReference, store = :store, inspection_note = :note,
                    settled_by = :settledBy
                 WHERE id = :id
                """)
                .param("id", loan.id()).param("qty", loan.quantity()).param("status", loan.status().name())
                .param("tech", loan.technician()).params(settlement(loan)).update();
        change.rest().ifPresent(this::insert);
        outbox.appendAll(change.events());
    }

    private static Map<String, Object> settlement(Loan loan) {
        java.util.HashMap<String, Object> p = new java.util.HashMap<>();
        p.put("oldSerial", loan.oldSerial());
        p.put("settledAt", Timestamps.utc(loan.settledAt()));
        p.put("oldFactoryDate", loan.oldFactoryDate());
        p.put("model", loan.productModel());
        p.put("productSerial", loan.productSerialNumber());
        p.put("entitlement", loan.entitlement());
        p.put("cause", loan.causeCode());
        p.put("symptom", loan.symptom());
        p.put("closedAt", Timestamps.utc(loan.closedAt()));
        p.put("returnedSerial", loan.returnedSerial());
        p.put("returnedFactoryDate", loan.returnedFactoryDate());
        p.put("blockReason", loan.blockReason());
        p.put("paymentReference", loan.paymentReference());
        p.put("store", loan.store());
        p.put("note", loan.inspectionNote());
        p.put("settledBy", loan.settledBy());
        return p;
    }

    /** DSP-02: the loan now belongs to the technician the work order went to. */
    void transfer(UUID loanId, String technician) {
        jdbc.sql("UPDATE loan SET technician = :tech WHERE id = :id").param("id", loanId).param("tech", technician)
                .update();
    }

    List<Loan> onLoanForUpdate(UUID workOrderId) {
        return ofWorkOrderForUpdate(workOrderId, LoanStatus.ON_LOAN);
    }

    List<Loan> ofWorkOrderForUpdate(UUID workOrderId, LoanStatus status) {
        return jdbc.sql("""
                SELECT * FROM loan WHERE work_order_id = :id AND status = :status ORDER BY part_number, id FOR UPDATE
                """)
                .param("id", workOrderId).param("status", status.name()).query(this::map).list();
    }

    Optional<Loan> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM loan WHERE id = :id FOR UPDATE").param("id", id).query(this::map).optional();
    }

    Optional<Loan> find(UUID id) {
        return jdbc.sql("SELECT * FROM loan WHERE id = :id").param("id", id).query(this::map).optional();
    }

    List<Loan> byWorkOrder(UUID workOrderId, Paging paging) {
        return search(workOrderId, null, null, paging);
    }

    /** PRT-03, PRT-05: loans by work order, technician and status (each optional), oldest issue first. */
    List<Loan> search(UUID workOrderId, String technician, LoanStatus status, Paging paging) {
        return jdbc.sql("""
                SELECT * FROM loan
                 WHERE (CAST(:workOrder AS uuid) IS NULL OR work_order_id = :workOrder)
                   AND (CAST(:tech AS text) IS NULL OR technician = :tech)
                   AND (CAST(:status AS text) IS NULL OR status = :status)
                 ORDER BY issued_at, part_number, id LIMIT :limit OFFSET :offset
                """)
                .param("workOrder", workOrderId).param("tech", technician)
                .param("status", status == null ? null : status.name())
                .param("limit", paging.size()).param("offset", paging.offset()).query(this::map).list();
    }

    long count(UUID workOrderId, String technician, LoanStatus status) {
        return jdbc.sql("""
                SELECT count(*) FROM loan
                 WHERE (CAST(:workOrder AS uuid) IS NULL OR work_order_id = :workOrder)
                   AND (CAST(:tech AS text) IS NULL OR technician = :tech)
                   AND (CAST(:status AS text) IS NULL OR status = :status)
                """)
                .param("workOrder", workOrderId).param("tech", technician)
                .param("status", status == null ? null : status.name()).query(Long.class).single();
    }

    /**
     * PRT-05: per technician, the loans without an outcome whose work order closed before {@code closedBefore}, the
     * technician with the oldest first; each technician's loans oldest first.
     */
    List<OverdueLoans> overdue(Instant closedBefore, Paging paging) {
        List<OverdueLoans> technicians = jdbc.sql("""
                SELECT technician, count(*) AS loans, sum(quantity) AS pieces, min(closed_at) AS oldest FROM loan
                 WHERE status NOT IN (:outcomes) AND closed_at < :before
                 GROUP BY technician ORDER BY oldest, technician LIMIT :limit OFFSET :offset
                """)
                .param("outcomes", OUTCOMES).param("before", Timestamps.utc(closedBefore))
                .param("limit", paging.size()).param("offset", paging.offset())
                .query((rs, row) -> new OverdueLoans(rs.getString("technician"), rs.getInt("loans"),
                        rs.getInt("pieces"), Timestamps.instant(rs, "oldest"), List.of()))
                .list();
        if (technicians.isEmpty()) {
            return technicians;
        }
        Map<String, List<Loan>> loans = jdbc.sql("""
                SELECT * FROM loan WHERE technician IN (:techs) AND status NOT IN (:outcomes) AND closed_at < :before
                 ORDER BY closed_at, id
                """)
                .param("techs", technicians.stream().map(OverdueLoans::technicianId).toList())
                .param("outcomes", OUTCOMES).param("before", Timestamps.utc(closedBefore))
                .query(this::map).list().stream()
                .collect(Collectors.groupingBy(Loan::technician, Collectors.toList()));
        return technicians.stream().map(t -> t.withLoans(loans.getOrDefault(t.technicianId(), List.of()))).toList();
    }

    long countOverdueTechnicians(Instant closedBefore) {
        return jdbc.sql("SELECT count(DISTINCT technician) FROM loan WHERE status NOT IN (:outcomes) AND closed_at < :before")
                .param("outcomes", OUTCOMES).param("before", Timestamps.utc(closedBefore)).query(Long.class).single();
    }

    private Loan map(ResultSet rs, int row) throws SQLException {
        return new Loan.Builder().id(rs.getObject("id", UUID.class))
                .workOrderId(rs.getObject("work_order_id", UUID.class)).ticketId(rs.getObject("ticket_id", UUID.class))
                .technician(rs.getString("technician")).partNumber(rs.getString("part_number"))
                .quantity(rs.getInt("quantity")).status(LoanStatus.valueOf(rs.getString("status")))
                .oldSerial(rs.getString("old_serial")).issuedAt(Timestamps.instant(rs, "issued_at"))
                .settledAt(Timestamps.instant(rs, "settled_at"))
                .oldFactoryDate(rs.getObject("old_factory_date", LocalDate.class))
                .productModel(rs.getString("product_model")).productSerialNumber(rs.getString("product_serial_number"))
                .entitlement(rs.getString("entitlement")).causeCode(rs.getString("cause_code"))
                .symptom(rs.getString("symptom")).closedAt(Timestamps.instant(rs, "closed_at"))
                .returnedSerial(rs.getString("returned_serial"))
                .returnedFactoryDate(rs.getObject("returned_factory_date", LocalDate.class))
                .blockReason(rs.getString("block_reason")).paymentReference(rs.getString("payment_reference"))
                .store(rs.getString("store")).inspectionNote(rs.getString("inspection_note"))
                .settledBy(rs.getString("settled_by")).build();
    }
}
