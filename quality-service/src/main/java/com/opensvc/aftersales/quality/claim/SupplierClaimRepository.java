package com.opensvc.aftersales.quality.claim;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;
import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/**
 * Supplier claims, their numbers and history, and in the same transaction the events their changes publish (EVT-01).
 * History is only ever inserted (append-only in the database).
 */
@Repository
@RequiredArgsConstructor
public class SupplierClaimRepository {
    private final JdbcClient jdbc;
    private final OutboxWriter outbox;

    /** The next number of the year: SC-&lt;yyyy&gt;-&lt;seq&gt;, five digits at least. */
    String nextNumber(int year) {
        int seq = jdbc.sql("""
                INSERT INTO supplier_claim_number_counter (year, last) VALUES (:year, 1)
                ON CONFLICT (year) DO UPDATE SET last = supplier_claim_number_counter.last + 1
                RETURNING last
                """).param("year", year).query(Integer.class).single();
        return "SC-%d-%05d".formatted(year, seq);
    }

    boolean exists(UUID defectId, String partNumber) {
        return jdbc.sql("SELECT count(*) FROM supplier_claim WHERE defect_id = :defect AND part_number = :part")
                .param("defect", defectId).param("part", partNumber).query(Long.class).single() > 0;
    }

    Optional<SupplierClaim> findByDefectAndPart(UUID defectId, String partNumber) {
        return jdbc.sql("SELECT * FROM supplier_claim WHERE defect_id = :defect AND part_number = :part")
                .param("defect", defectId).param("part", partNumber).query(this::map).optional();
    }

    /**
     * The facts of a defect record for a claim raised by hand (a read of the defect feature's table, as a read model
     * may; the defect feature owns and writes it).
     */
    Optional<ClaimedFailure> defect(UUID defectId, String partNumber) {
        return jdbc.sql("""
                SELECT id, ticket_id, product_model, serial_number, failure_mode, cause FROM defect WHERE id = :id
                """).param("id", defectId)
                .query((rs, row) -> new ClaimedFailure(rs.getObject("id", UUID.class),
                        rs.getObject("ticket_id", UUID.class), rs.getString("product_model"),
                        rs.getString("serial_number"), null, partNumber, rs.getString("failure_mode"),
                        rs.getString("cause")))
                .optional();
    }

    /** @return false (nothing written) when the defect already has its claim for the part */
    boolean insertIfAbsent(SupplierClaimChange raised) {
        SupplierClaim c = raised.claim();
        boolean inserted = jdbc.sql("""
                INSERT INTO supplier_claim (id, claim_number, defect_id, ticket_id, product_model, serial_number,
                    production_batch, part_number, supplier, supplier_part_number, failure_mode, cause, state,
                    raised_by, raised_at, updated_at, version)
                VALUES (:id, :number, :defect, :ticket, :model, :serial, :batch, :part, :supplier, :supplierPart,
                    :mode, :cause, :state, :by, :at, :at, :version)
                ON CONFLICT (defect_id, part_number) DO NOTHING
                """)
                .param("id", c.id()).param("number", c.claimNumber()).param("defect", c.defectId())
                .param("ticket", c.ticketId()).param("model", c.productModel()).param("serial", c.serialNumber())
                .param("batch", c.productionBatch()).param("part", c.partNumber()).param("supplier", c.supplier())
                .param("supplierPart", c.supplierPartNumber()).param("mode", c.failureMode())
                .param("cause", c.cause()).param("state", c.state().name()).param("by", c.raisedBy())
                .param("at", Timestamps.utc(c.raisedAt())).param("version", c.version()).update() == 1;
        if (inserted) {
            appendRest(raised);
        }
        return inserted;
    }

    /** Writes a transition: the row, its history line and its events. */
    void save(SupplierClaimChange change) {
        SupplierClaim c = change.claim();
        jdbc.sql("""
                UPDATE supplier_claim SET state = :state, supplier = :supplier, supplier_part_number = :supplierPart,
                    submission_reference = :reference, decision_note = :decisionNote, recovered_amount = :amount,
                    currency = :currency, close_note = :closeNote, updated_at = :at, version = :version
                 WHERE id = :id
                """)
                .param("id", c.id()).param("state", c.state().name()).param("supplier", c.supplier())
                .param("supplierPart", c.supplierPartNumber()).param("reference", c.submissionReference())
                .param("decisionNote", c.decisionNote()).param("amount", c.recoveredAmount())
                .param("currency", c.currency()).param("closeNote", c.closeNote())
                .param("at", Timestamps.utc(c.updatedAt())).param("version", c.version()).update();
        appendRest(change);
    }

    private void appendRest(SupplierClaimChange change) {
        SupplierClaimHistory h = change.history();
        jdbc.sql("""
                INSERT INTO supplier_claim_history (claim_id, at, actor, action, from_state, to_state, detail)
                VALUES (:id, :at, :actor, :action, :from, :to, :detail)
                """)
                .param("id", change.claim().id()).param("at", Timestamps.utc(h.at())).param("actor", h.actor())
                .param("action", h.action()).param("from", h.fromState() == null ? null : h.fromState().name())
                .param("to", h.toState().name()).param("detail", h.detail()).update();
        outbox.appendAll(change.events());
    }

    Optional<SupplierClaim> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM supplier_claim WHERE id = :id FOR UPDATE").param("id", id).query(this::map)
                .optional();
    }

    /** The claims of the part still waiting for their supplier, locked. */
    List<SupplierClaim> needingSupplierForUpdate(String partNumber) {
        return jdbc.sql("""
                SELECT * FROM supplier_claim WHERE part_number = :part AND state = 'NEEDS_SUPPLIER'
                 ORDER BY raised_at, id FOR UPDATE
                """).param("part", partNumber).query(this::map).list();
    }

    public Optional<SupplierClaim> find(UUID id) {
        return jdbc.sql("SELECT * FROM supplier_claim WHERE id = :id").param("id", id).query(this::map).optional();
    }

    public List<SupplierClaimHistory> history(UUID id) {
        return jdbc.sql("SELECT * FROM supplier_claim_history WHERE claim_id = :id ORDER BY id").param("id", id)
                .query((rs, row) -> new SupplierClaimHistory(Timestamps.instant(rs, "at"), rs.getString("actor"),
                        rs.getString("action"), state(rs.getString("from_state")), state(rs.getString("to_state")),
                        rs.getString("detail")))
                .list();
    }

    public PageOf<SupplierClaim> search(SupplierClaimState state, String supplier, String partNumber, Paging paging) {
        String where = """
                 WHERE (CAST(:state AS text) IS NULL OR state = :state)
                   AND (CAST(:supplier AS text) IS NULL OR supplier = :supplier)
                   AND (CAST(:part AS text) IS NULL OR part_number = :part)
                """;
        String stateName = state == null ? null : state.name();
        long total = jdbc.sql("SELECT count(*) FROM supplier_claim" + where).param("state", stateName)
                .param("supplier", supplier).param("part", partNumber).query(Long.class).single();
        List<SupplierClaim> items = jdbc.sql("SELECT * FROM supplier_claim" + where
                        + " ORDER BY raised_at DESC, id LIMIT :limit OFFSET :offset")
                .param("state", stateName).param("supplier", supplier).param("part", partNumber)
                .param("limit", paging.size())
                .param("offset", paging.offset()).query(this::map).list();
        return paging.of(items, total);
    }

    private SupplierClaim map(ResultSet rs, int row) throws SQLException {
        return SupplierClaim.builder().id(rs.getObject("id", UUID.class)).claimNumber(rs.getString("claim_number"))
                .defectId(rs.getObject("defect_id", UUID.class)).ticketId(rs.getObject("ticket_id", UUID.class))
                .productModel(rs.getString("product_model")).serialNumber(rs.getString("serial_number"))
                .productionBatch(rs.getString("production_batch")).partNumber(rs.getString("part_number"))
                .supplier(rs.getString("supplier")).supplierPartNumber(rs.getString("supplier_part_number"))
                .failureMode(rs.getString("failure_mode")).cause(rs.getString("cause"))
                .state(SupplierClaimState.valueOf(rs.getString("state")))
                .submissionReference(rs.getString("submission_reference"))
                .decisionNote(rs.getString("decision_note")).recoveredAmount(rs.getBigDecimal("recovered_amount"))
                .currency(rs.getString("currency")).closeNote(rs.getString("close_note"))
                .raisedBy(rs.getString("raised_by")).raisedAt(Timestamps.instant(rs, "raised_at"))
                .updatedAt(Timestamps.instant(rs, "updated_at")).version(rs.getInt("version")).build();
    }

    private static SupplierClaimState state(String name) {
        return name == null ? null : SupplierClaimState.valueOf(name);
    }
}
