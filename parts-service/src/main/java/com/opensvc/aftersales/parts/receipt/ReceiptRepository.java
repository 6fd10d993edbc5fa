package com.opensvc.aftersales.parts.receipt;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;
import com.opensvc.aftersales.parts.stock.PartLine;

import lombok.RequiredArgsConstructor;

@Repository
@RequiredArgsConstructor
class ReceiptRepository {
    private final JdbcClient jdbc;

    void insert(Receipt receipt) {
        jdbc.sql("""
                INSERT INTO receipt (id, location, reference, actor, received_at, requisition_id)
                VALUES (:id, :location, :reference, :actor, :at, :requisition)
                """)
                .param("requisition", receipt.requisitionId()).param("id", receipt.id()).param("location", receipt.location()).param("reference", receipt.reference())
                .param("actor", receipt.receivedBy()).param("at", Timestamps.utc(receipt.receivedAt())).update();
        for (PartLine line : receipt.lines()) {
            jdbc.sql("INSERT INTO receipt_line (receipt_id, part_number, quantity) VALUES (:id, :part, :qty)")
                    .param("id", receipt.id()).param("part", line.partNumber()).param("qty", line.quantity()).update();
        }
    }

    /** The receipt without its fills. */
    Optional<Receipt> find(UUID id) {
        List<PartLine> lines = jdbc.sql("SELECT part_number, quantity FROM receipt_line WHERE receipt_id = :id ORDER BY part_number")
                .param("id", id).query((rs, row) -> new PartLine(rs.getString("part_number"), rs.getInt("quantity")))
                .list();
        return jdbc.sql("SELECT * FROM receipt WHERE id = :id").param("id", id)
                .query((rs, row) -> new Receipt(rs.getObject("id", UUID.class), rs.getString("location"),
                        rs.getString("reference"), rs.getObject("requisition_id", UUID.class), lines, rs.getString("actor"), Timestamps.instant(rs, "received_at"),
                        List.of()))
                .optional();
    }
}
