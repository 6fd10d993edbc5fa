package com.opensvc.aftersales.dispatch.review;

import static com.opensvc.aftersales.data.Timestamps.instant;
import static com.opensvc.aftersales.data.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import lombok.RequiredArgsConstructor;

/** The review history of work orders (append-only) and each order's current review state and lock (INT-26). */
@Repository
@RequiredArgsConstructor
class ReviewRepository {
    private final JdbcClient jdbc;

    /** One row of an order's review history; {@code snapshot} (JSON) is the order as locked, on LOCKED rows only. */
    record Entry(long id, int cycle, String action, String actor, Instant at, List<String> reasons, String correction,
                 String faultyTechnician, Integer faultyYear, String snapshot) {
    }

    /** The order's review (not submitted until its first submission), without a lock. */
    WorkOrderReview review(UUID workOrderId) {
        return jdbc.sql("SELECT * FROM work_order_review WHERE work_order_id = :id").param("id", workOrderId)
                .query(this::map).optional().orElseGet(() -> WorkOrderReview.notSubmitted(workOrderId));
    }

    /**
     * The order's review, locked for this transaction: two supervisors reviewing at once queue here, and the second
     * finds the first one's outcome (EVT-01's row lock, not a version check).
     */
    WorkOrderReview reviewForUpdate(UUID workOrderId) {
        jdbc.sql("""
                INSERT INTO work_order_review (work_order_id, review_state, locked, cycle)
                VALUES (:id, 'NOT_SUBMITTED', false, 0) ON CONFLICT DO NOTHING
                """).param("id", workOrderId).update();
        return jdbc.sql("SELECT * FROM work_order_review WHERE work_order_id = :id FOR UPDATE").param("id", workOrderId)
                .query(this::map).single();
    }

    /** Writes a review step in the caller's transaction: the order's review state and its history row. */
    void save(ReviewChange change) {
        WorkOrderReview review = change.review();
        ReviewChange.Entry entry = change.entry();
        jdbc.sql("""
                INSERT INTO work_order_review_history (work_order_id, cycle, action, actor, at, reasons, correction,
                                                       faulty_technician, faulty_year, snapshot)
                VALUES (:id, :cycle, :action, :actor, :at, CAST(:reasons AS text[]), :correction, :technician, :year,
                        CAST(:snapshot AS jsonb))
                """).param("id", review.workOrderId()).param("cycle", review.cycle()).param("action", entry.action())
                .param("actor", review.changedBy()).param("at", utc(review.changedAt()))
                .param("reasons", entry.reasons().toArray(String[]::new)).param("correction", entry.correction())
                .param("technician", entry.faultyTechnician()).param("year", entry.faultyYear())
                .param("snapshot", entry.snapshot()).update();
        jdbc.sql("""
                UPDATE work_order_review SET review_state = :state, locked = :locked, cycle = :cycle,
                       changed_by = :actor, changed_at = :at
                 WHERE work_order_id = :id
                """).param("id", review.workOrderId()).param("state", review.state().name())
                .param("locked", review.locked()).param("cycle", review.cycle()).param("actor", review.changedBy())
                .param("at", utc(review.changedAt())).update();
    }

    List<Entry> history(UUID workOrderId) {
        return jdbc.sql("""
                SELECT id, cycle, action, actor, at, reasons, correction, faulty_technician, faulty_year,
                       snapshot::text AS snapshot
                  FROM work_order_review_history WHERE work_order_id = :id ORDER BY id
                """).param("id", workOrderId).query(this::entry).list();
    }

    /** INT-26: faulty work orders per technician in a year (the year-end assessment), most first. */
    List<WorkOrderReviewService.FaultyCount> faultyCounts(int year) {
        return jdbc.sql("""
                SELECT faulty_technician, count(*) FROM work_order_review_history
                 WHERE action = 'RETURNED_FAULTY' AND faulty_year = :year
                 GROUP BY faulty_technician ORDER BY count(*) DESC, faulty_technician
                """).param("year", year)
                .query((rs, n) -> new WorkOrderReviewService.FaultyCount(rs.getString(1), rs.getLong(2))).list();
    }

    private WorkOrderReview map(ResultSet rs, int row) throws SQLException {
        return new WorkOrderReview(rs.getObject("work_order_id", UUID.class),
                ReviewState.valueOf(rs.getString("review_state")), rs.getInt("cycle"), rs.getString("changed_by"),
                instant(rs, "changed_at"));
    }

    private Entry entry(ResultSet rs, int row) throws SQLException {
        int year = rs.getInt("faulty_year");
        Integer faultyYear = rs.wasNull() ? null : year;
        java.sql.Array reasons = rs.getArray("reasons");
        return new Entry(rs.getLong("id"), rs.getInt("cycle"), rs.getString("action"), rs.getString("actor"),
                instant(rs, "at"), reasons == null ? List.of() : Arrays.asList((String[]) reasons.getArray()),
                rs.getString("correction"), rs.getString("faulty_technician"), faultyYear, rs.getString("snapshot"));
    }
}
