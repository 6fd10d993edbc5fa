package com.opensvc.aftersales.parts.loan;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class LoanRepository {
    private final JdbcClient jdbc;

    public LoanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID workOrderId, UUID ticketId, String technician, String partNumber, int quantity,
                       LoanStatus status, Instant at) {
        jdbc.sql("""
                INSERT INTO loan (id, work_order_id, ticket_id, technician, part_number, quantity, status, issued_at)
                VALUES (:id, :workOrder, :ticket, :tech, :part, :qty, :status, :at)
                """)
                .param("id", UUID.randomUUID()).param("workOrder", workOrderId).param("ticket", ticketId)
                .param("tech", technician).param("part", partNumber).param("qty", quantity)
                .param("status", status.name()).param("at", at.atOffset(ZoneOffset.UTC)).update();
    }

    public List<Loan> onLoanForUpdate(UUID workOrderId) {
        return jdbc.sql("SELECT * FROM loan WHERE work_order_id = :id AND status = 'ON_LOAN' ORDER BY part_number FOR UPDATE")
                .param("id", workOrderId).query(this::map).list();
    }

    public List<Loan> byWorkOrder(UUID workOrderId) {
        return jdbc.sql("SELECT * FROM loan WHERE work_order_id = :id ORDER BY part_number, status")
                .param("id", workOrderId).query(this::map).list();
    }

    public void settle(UUID id, int quantity, LoanStatus status, String oldSerial, Instant at) {
        jdbc.sql("""
                UPDATE loan SET quantity = :qty, status = :status, old_serial = :serial,
                       settled_at = CASE WHEN :status = 'CONSUMED_UNDER_WARRANTY' THEN :at ELSE settled_at END
                 WHERE id = :id
                """)
                .param("id", id).param("qty", quantity).param("status", status.name()).param("serial", oldSerial)
                .param("at", at.atOffset(ZoneOffset.UTC)).update();
    }

    private Loan map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        OffsetDateTime settled = rs.getObject("settled_at", OffsetDateTime.class);
        return new Loan(rs.getObject("id", UUID.class), rs.getObject("work_order_id", UUID.class),
                rs.getObject("ticket_id", UUID.class), rs.getString("technician"), rs.getString("part_number"),
                rs.getInt("quantity"), LoanStatus.valueOf(rs.getString("status")), rs.getString("old_serial"),
                rs.getObject("issued_at", OffsetDateTime.class).toInstant(), settled == null ? null : settled.toInstant());
    }
}
