package com.opensvc.aftersales.quality.defect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

@Repository
@RequiredArgsConstructor
public class DefectRepository {
    private final JdbcClient jdbc;

    /** @return false when the work order already has its defect record from this source */
    public boolean insertIfAbsent(Defect d) {
        return jdbc.sql("""
                INSERT INTO defect (id, ticket_id, work_order_id, product_model, serial_number, failure_mode, cause,
                    responsible_department, source, recorded_at)
                VALUES (:id, :ticket, :workOrder, :model, :serial, :mode, :cause, :department, :source, :at)
                ON CONFLICT (work_order_id, source) DO NOTHING
                """)
                .param("id", d.id()).param("ticket", d.ticketId()).param("workOrder", d.workOrderId())
                .param("model", d.productModel()).param("serial", d.serialNumber()).param("mode", d.failureMode())
                .param("cause", d.cause()).param("department", d.responsibleDepartment()).param("source", d.source())
                .param("at", Timestamps.utc(d.recordedAt())).update() == 1;
    }

    public Optional<Defect> find(UUID id) {
        return jdbc.sql("SELECT * FROM defect WHERE id = :id").param("id", id).query(this::map).optional();
    }

    public List<Defect> search(UUID ticketId, Paging paging) {
        return jdbc.sql("""
                SELECT * FROM defect WHERE (CAST(:ticket AS uuid) IS NULL OR ticket_id = :ticket)
                 ORDER BY recorded_at DESC, id LIMIT :limit OFFSET :offset
                """)
                .param("ticket", ticketId).param("limit", paging.size())
                .param("offset", paging.offset()).query(this::map).list();
    }

    private Defect map(ResultSet rs, int row) throws SQLException {
        return new Defect(rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class),
                rs.getObject("work_order_id", UUID.class), rs.getString("product_model"), rs.getString("serial_number"),
                rs.getString("failure_mode"), rs.getString("cause"), rs.getString("responsible_department"),
                rs.getString("source"), Timestamps.instant(rs, "recorded_at"));
    }
}
