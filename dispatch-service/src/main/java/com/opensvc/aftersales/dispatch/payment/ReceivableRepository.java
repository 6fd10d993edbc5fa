package com.opensvc.aftersales.dispatch.payment;

import static com.opensvc.aftersales.data.Timestamps.instant;
import static com.opensvc.aftersales.data.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.dispatch.charge.PaymentMethod;
import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/** Receivables and their append-only collections (tables {@code receivable}, {@code payment_collection}). */
@Repository
@RequiredArgsConstructor
class ReceivableRepository {
    private final JdbcClient jdbc;
    private final OutboxWriter outbox;

    /** A second RepairClosed of the same order (impossible: it closes once) opens nothing. */
    void insert(Receivable r) {
        jdbc.sql("""
                INSERT INTO receivable (work_order_id, ticket_id, technician, method, reference, currency, total,
                    prepaid, collected_on_site, collected, state, opened_at, settled_at, version)
                VALUES (:workOrder, :ticket, :technician, :method, :reference, :currency, :total, :prepaid,
                    :onSite, :collected, :state, :opened, :settled, :version)
                ON CONFLICT (work_order_id) DO NOTHING
                """)
                .param("workOrder", r.workOrderId()).param("ticket", r.ticketId()).param("technician", r.technicianId())
                .param("method", r.method().name()).param("reference", r.reference()).param("currency", r.currency())
                .param("total", r.total()).param("prepaid", r.prepaid()).param("onSite", r.collectedOnSite())
                .param("collected", r.collected()).param("state", r.state().name()).param("opened", utc(r.openedAt()))
                .param("settled", utc(r.settledAt())).param("version", r.version()).update();
    }

    /** Writes a collection in the caller's transaction: the receivable, the collection record, the event (EVT-01). */
    void save(ReceivableChange change) {
        Receivable r = change.receivable();
        jdbc.sql("""
                UPDATE receivable SET collected = :collected, state = :state, settled_at = :settled, version = :version
                 WHERE work_order_id = :workOrder
                """)
                .param("workOrder", r.workOrderId()).param("collected", r.collected()).param("state", r.state().name())
                .param("settled", utc(r.settledAt())).param("version", r.version()).update();
        Receivable.Collection c = change.collection();
        jdbc.sql("""
                INSERT INTO payment_collection (id, work_order_id, amount, reference, received_at, actor, recorded_at)
                VALUES (:id, :workOrder, :amount, :reference, :received, :actor, :recorded)
                """)
                .param("id", c.id()).param("workOrder", c.workOrderId()).param("amount", c.amount())
                .param("reference", c.reference()).param("received", utc(c.receivedAt())).param("actor", c.actor())
                .param("recorded", utc(c.recordedAt())).update();
        outbox.append(change.event());
    }

    Optional<Receivable> find(UUID workOrderId) {
        return jdbc.sql("SELECT * FROM receivable WHERE work_order_id = :id").param("id", workOrderId)
                .query(this::map).optional();
    }

    Optional<Receivable> findForUpdate(UUID workOrderId) {
        return jdbc.sql("SELECT * FROM receivable WHERE work_order_id = :id FOR UPDATE").param("id", workOrderId)
                .query(this::map).optional();
    }

    List<Receivable.Collection> collections(UUID workOrderId) {
        return jdbc.sql("SELECT * FROM payment_collection WHERE work_order_id = :id ORDER BY recorded_at, id")
                .param("id", workOrderId)
                .query((rs, row) -> new Receivable.Collection(rs.getObject("id", UUID.class), workOrderId,
                        rs.getBigDecimal("amount"), rs.getString("reference"), instant(rs, "received_at"),
                        rs.getString("actor"), instant(rs, "recorded_at")))
                .list();
    }

    PageOf<Receivable> search(ReceivableState state, String technician, Paging paging) {
        String where = """
                 WHERE (CAST(:state AS text) IS NULL OR state = :state)
                   AND (CAST(:technician AS text) IS NULL OR technician = :technician)
                """;
        String stateName = state == null ? null : state.name();
        List<Receivable> items = jdbc.sql("SELECT * FROM receivable" + where
                        + " ORDER BY opened_at, work_order_id LIMIT :limit OFFSET :offset")
                .param("state", stateName).param("technician", technician).param("limit", paging.size())
                .param("offset", paging.offset()).query(this::map).list();
        long total = jdbc.sql("SELECT count(*) FROM receivable" + where)
                .param("state", stateName).param("technician", technician).query(Long.class).single();
        return paging.of(items, total);
    }

    private Receivable map(ResultSet rs, int row) throws SQLException {
        var total = rs.getBigDecimal("total");
        var prepaid = rs.getBigDecimal("prepaid");
        var collected = rs.getBigDecimal("collected");
        return new Receivable(rs.getObject("work_order_id", UUID.class), rs.getObject("ticket_id", UUID.class),
                rs.getString("technician"), PaymentMethod.valueOf(rs.getString("method")), rs.getString("reference"),
                rs.getString("currency"), total, prepaid, rs.getBigDecimal("collected_on_site"), collected,
                total.subtract(prepaid).subtract(collected), ReceivableState.valueOf(rs.getString("state")),
                instant(rs, "opened_at"), instant(rs, "settled_at"), rs.getInt("version"));
    }
}
