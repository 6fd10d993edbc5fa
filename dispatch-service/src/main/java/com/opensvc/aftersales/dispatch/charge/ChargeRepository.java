package com.opensvc.aftersales.dispatch.charge;

import static com.opensvc.aftersales.data.Timestamps.instant;
import static com.opensvc.aftersales.data.Timestamps.utc;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import lombok.RequiredArgsConstructor;

/** The charge forms of closed work orders (tables {@code charge_sheet}, {@code charge_line}); written once. */
@Repository
@RequiredArgsConstructor
class ChargeRepository {
    private final JdbcClient jdbc;

    void insert(ChargeSheet sheet) {
        ChargeSheet.Charges charges = sheet.charges();
        ChargeSheet.Payment payment = sheet.payment();
        jdbc.sql("""
                INSERT INTO charge_sheet (work_order_id, ticket_id, technician, entitlement, chargeable_reason,
                    parts_total, travel_total, service_total, total, currency, payment_method, payment_reference,
                    amount_collected, amount_due, recorded_at)
                VALUES (:workOrder, :ticket, :technician, :entitlement, :reason, :parts, :travel, :service, :total,
                    :currency, :method, :reference, :collected, :due, :at)
                """)
                .param("workOrder", sheet.workOrderId()).param("ticket", sheet.ticketId())
                .param("technician", sheet.technicianId()).param("entitlement", sheet.entitlement())
                .param("reason", charges.chargeableReason()).param("parts", charges.partsTotal())
                .param("travel", charges.travelTotal()).param("service", charges.serviceTotal())
                .param("total", charges.total()).param("currency", charges.currency())
                .param("method", payment == null ? null : payment.method().name())
                .param("reference", payment == null ? null : payment.reference())
                .param("collected", payment == null ? null : payment.amountCollected())
                .param("due", payment == null ? null : payment.amountDue())
                .param("at", utc(sheet.recordedAt())).update();
        for (int i = 0; i < charges.lines().size(); i++) {
            ChargeSheet.Line line = charges.lines().get(i);
            jdbc.sql("""
                    INSERT INTO charge_line (work_order_id, line_no, kind, description, part_number, quantity,
                        unit_price, amount)
                    VALUES (:workOrder, :no, :kind, :description, :part, :quantity, :unitPrice, :amount)
                    """)
                    .param("workOrder", sheet.workOrderId()).param("no", i + 1).param("kind", line.kind().name())
                    .param("description", line.description()).param("part", line.partNumber())
                    .param("quantity", line.quantity()).param("unitPrice", line.unitPrice())
                    .param("amount", line.amount()).update();
        }
    }

    Optional<ChargeSheet> find(UUID workOrderId) {
        List<ChargeSheet.Line> lines = jdbc.sql("""
                        SELECT kind, description, part_number, quantity, unit_price, amount FROM charge_line
                         WHERE work_order_id = :id ORDER BY line_no
                        """).param("id", workOrderId)
                .query((rs, row) -> new ChargeSheet.Line(ChargeKind.valueOf(rs.getString("kind")),
                        rs.getString("description"), rs.getString("part_number"),
                        rs.getObject("quantity", Integer.class), rs.getBigDecimal("unit_price"),
                        rs.getBigDecimal("amount")))
                .list();
        return jdbc.sql("SELECT * FROM charge_sheet WHERE work_order_id = :id").param("id", workOrderId)
                .query((rs, row) -> {
                    String currency = rs.getString("currency");
                    String method = rs.getString("payment_method");
                    ChargeSheet.Payment payment = method == null ? null
                            : new ChargeSheet.Payment(PaymentMethod.valueOf(method), rs.getString("payment_reference"),
                            rs.getBigDecimal("amount_collected"), rs.getBigDecimal("amount_due"), currency);
                    return new ChargeSheet(workOrderId, rs.getObject("ticket_id", UUID.class),
                            rs.getString("technician"), rs.getString("entitlement"),
                            new ChargeSheet.Charges(lines, rs.getBigDecimal("parts_total"),
                                    rs.getBigDecimal("travel_total"), rs.getBigDecimal("service_total"),
                                    rs.getBigDecimal("total"), currency, rs.getString("chargeable_reason")),
                            payment, instant(rs, "recorded_at"));
                })
                .optional();
    }
}
