package com.opensvc.aftersales.revisit.review;

import static com.opensvc.aftersales.data.Timestamps.instant;
import static com.opensvc.aftersales.data.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/** The review history of revisits (append-only) and each revisit's current review state and lock (INT-26). */
@Repository
@RequiredArgsConstructor
class ReviewRepository {
    private final JdbcClient jdbc;

    /** One row of a revisit's review history; {@code snapshot} (JSON) on SUBMITTED and LOCKED rows. */
    record Entry(long id, int cycle, String action, String actor, Instant at, String reason, String correction,
                 String faultyAgent, Integer faultyYear, String snapshot) {
    }

    /** The revisit's review (not submitted until its first submission), without a lock. */
    RevisitReview review(UUID revisitId) {
        return jdbc.sql("SELECT * FROM revisit_review WHERE revisit_id = :id").param("id", revisitId)
                .query(this::map).optional().orElseGet(() -> RevisitReview.notSubmitted(revisitId));
    }

    /**
     * The revisit's review, locked for this transaction: two supervisors reviewing at once queue here, and the second
     * finds the first one's outcome.
     */
    RevisitReview reviewForUpdate(UUID revisitId) {
        jdbc.sql("""
                INSERT INTO revisit_review (revisit_id, review_state, locked, cycle)
                VALUES (:id, 'NOT_SUBMITTED', false, 0) ON CONFLICT DO NOTHING
                """).param("id", revisitId).update();
        return jdbc.sql("SELECT * FROM revisit_review WHERE revisit_id = :id FOR UPDATE").param("id", revisitId)
                .query(this::map).single();
    }

    /** Writes a review step in the caller's transaction: the revisit's review state and its history row. */
    void save(ReviewChange change) {
        RevisitReview review = change.review();
        ReviewChange.Entry entry = change.entry();
        jdbc.sql("""
                INSERT INTO revisit_review_history (revisit_id, cycle, action, actor, at, reason, correction,
                                                    faulty_agent, faulty_year, snapshot)
                VALUES (:id, :cycle, :action, :actor, :at, :reason, :correction, :agent, :year, CAST(:snapshot AS jsonb))
                """).param("id", review.revisitId()).param("cycle", review.cycle()).param("action", entry.action())
                .param("actor", review.changedBy()).param("at", utc(review.changedAt()))
                .param("reason", entry.reason()).param("correction", entry.correction())
                .param("agent", entry.faultyAgent()).param("year", entry.faultyYear())
                .param("snapshot", entry.snapshot()).update();
        jdbc.sql("""
                UPDATE revisit_review SET review_state = :state, locked = :locked, cycle = :cycle,
                       changed_by = :actor, changed_at = :at
                 WHERE revisit_id = :id
                """).param("id", review.revisitId()).param("state", review.state().name())
                .param("locked", review.locked()).param("cycle", review.cycle()).param("actor", review.changedBy())
                .param("at", utc(review.changedAt())).update();
    }

    List<Entry> history(UUID revisitId) {
        return jdbc.sql("""
                SELECT id, cycle, action, actor, at, reason, correction, faulty_agent, faulty_year,
                       snapshot::text AS snapshot
                  FROM revisit_review_history WHERE revisit_id = :id ORDER BY id
                """).param("id", revisitId).query(this::entry).list();
    }

    /** INT-26: faulty revisits per recording agent in a year (the year-end assessment), most first. */
    PageOf<RevisitReviewService.AgentFaults> faultyCounts(int year, Paging paging) {
        long agents = jdbc.sql("""
                SELECT count(DISTINCT faulty_agent) FROM revisit_review_history
                 WHERE action = 'RETURNED_FAULTY' AND faulty_year = :year
                """).param("year", year).query(Long.class).single();
        List<RevisitReviewService.AgentFaults> page = jdbc.sql("""
                SELECT faulty_agent, count(*) AS returns FROM revisit_review_history
                 WHERE action = 'RETURNED_FAULTY' AND faulty_year = :year
                 GROUP BY faulty_agent ORDER BY count(*) DESC, faulty_agent
                 LIMIT :limit OFFSET :offset
                """).param("year", year).param("limit", paging.size()).param("offset", paging.offset())
                .query((rs, n) -> new RevisitReviewService.AgentFaults(year, rs.getString("faulty_agent"),
                        rs.getLong("returns"))).list();
        return paging.of(page, agents);
    }

    private RevisitReview map(ResultSet rs, int row) throws SQLException {
        return new RevisitReview(rs.getObject("revisit_id", UUID.class),
                RevisitReviewState.valueOf(rs.getString("review_state")), rs.getInt("cycle"),
                rs.getString("changed_by"), instant(rs, "changed_at"));
    }

    private Entry entry(ResultSet rs, int row) throws SQLException {
        int year = rs.getInt("faulty_year");
        Integer faultyYear = rs.wasNull() ? null : year;
        return new Entry(rs.getLong("id"), rs.getInt("cycle"), rs.getString("action"), rs.getString("actor"),
                instant(rs, "at"), rs.getString("reason"), rs.getString("correction"), rs.getString("faulty_agent"),
                faultyYear, rs.getString("snapshot"));
    }
}
