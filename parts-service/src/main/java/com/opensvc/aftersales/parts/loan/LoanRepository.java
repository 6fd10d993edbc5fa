package com.opensvc.aftersales.parts.loan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

@Repository
@RequiredArgsConstructor
class LoanRepository {
    private final JdbcClient jdbc;

    void insert(Loan loan) {
        jdbc.sql("""
                INSERT INTO loan (id, work_order_id, ticket_id, technician, part_number, quantity, status, issued_at)
                VALUES (:id, :workOrder, :ticket, :tech, :part, :qty, :status, :at)
                """)
                .param("id", loan.id()).param("workOrder", loan.workOrderId()).param("ticket", loan.ticketId())
                .param("tech", loan.technician()).param("part", loan.partNumber()).param("qty", loan.quantity())
                .param("status", loan.status().name()).param("at", Timestamps.utc(loan.issuedAt())).update();
    }

    /** Writes the settled loan and lends on its unused rest. */
    void save(LoanChange change) {
        Loan settled = change.settled();
        jdbc.sql("""
                UPDATE loan SET quantity = :qty, status = :status, old_serial = :serial, settled_at = :settledAt
                 WHERE id = :id
                """)
                .param("id", settled.id()).param("qty", settled.quantity()).param("status", settled.status().name())
                .param("serial", settled.oldSerial()).param("settledAt", Timestamps.utc(settled.settledAt())).update();
        change.toReturn().ifPresent(this::insert);
    }

    /** DSP-02: the loan now belongs to the technician the work order went to. */
    void transfer(UUID loanId, String technician) {
        jdbc.sql("UPDATE loan SET technician = :tech WHERE id = :id").param("id", loanId).param("tech", technician)
                .update();
    }

    List<Loan> onLoanForUpdate(UUID workOrderId) {
        return jdbc.sql("SELECT * FROM loan WHERE work_order_id = :id AND status = 'ON_LOAN' ORDER BY part_number FOR UPDATE")
                .param("id", workOrderId).query(this::map).list();
    }

    List<Loan> byWorkOrder(UUID workOrderId, Paging paging) {
        return jdbc.sql("""
                SELECT * FROM loan WHERE work_order_id = :id ORDER BY part_number, status, id
                 LIMIT :limit OFFSET :offset
                """)
                .param("id", workOrderId).param("limit", paging.size()).param("offset", paging.offset())
                .query(this::map).list();
    }

    private Loan map(ResultSet rs, int row) throws SQLException {
        return new Loan(rs.getObject("id", UUID.class), rs.getObject("work_order_id", UUID.class),
                rs.getObject("ticket_id", UUID.class), rs.getString("technician"), rs.getString("part_number"),
                rs.getInt("quantity"), LoanStatus.valueOf(rs.getString("status")), rs.getString("old_serial"),
                Timestamps.instant(rs, "issued_at"), Timestamps.instant(rs, "settled_at"));
    }
}
