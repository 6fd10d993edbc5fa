package com.opensvc.aftersales.parts.planning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;
import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/** The only SQL that writes {@code stock_plan}; reads the stock feature's {@code stock} rows for the levels. */
@Repository
@RequiredArgsConstructor
class StockPlanRepository {
    private static final String WITH_LEVELS = """
            SELECT p.*, coalesce(s.on_hand, 0) AS on_hand, coalesce(s.reserved, 0) AS reserved
              FROM stock_plan p LEFT JOIN stock s ON s.location = p.location AND s.part_number = p.part_number
            """;
    private static final String FILTER = """
             WHERE (CAST(:location AS text) IS NULL OR p.location = :location)
               AND (CAST(:below AS boolean) IS NULL
                    OR ((coalesce(s.on_hand, 0) - coalesce(s.reserved, 0)) < p.minimum) = CAST(:below AS boolean))
            """;

    private final JdbcClient jdbc;
    private final OutboxWriter outbox;

    /** The plan, row-locked until the transaction ends: its flag is checked and set by one transaction at a time. */
    Optional<StockPlan> findForUpdate(String location, String partNumber) {
        return jdbc.sql("SELECT * FROM stock_plan WHERE location = :location AND part_number = :part FOR UPDATE")
                .param("location", location).param("part", partNumber).query((rs, row) -> plan(rs)).optional();
    }

    Optional<PlanView> find(String location, String partNumber) {
        return jdbc.sql(WITH_LEVELS + " WHERE p.location = :location AND p.part_number = :part")
                .param("location", location).param("part", partNumber).query((rs, row) -> view(rs)).optional();
    }

    /** The stock the plan is about, as this transaction sees it (the mover holds the location's lock). */
    StockPlan.StockLevel level(String location, String partNumber) {
        return jdbc.sql("SELECT on_hand, reserved FROM stock WHERE location = :location AND part_number = :part")
                .param("location", location).param("part", partNumber)
                .query((rs, row) -> new StockPlan.StockLevel(rs.getInt("on_hand"), rs.getInt("reserved")))
                .optional().orElse(new StockPlan.StockLevel(0, 0));
    }

    PageOf<PlanView> list(String location, Boolean belowMinimum, Paging paging) {
        var items = jdbc.sql(WITH_LEVELS + FILTER + " ORDER BY p.location, p.part_number LIMIT :limit OFFSET :offset")
                .param("location", location).param("below", belowMinimum)
                .param("limit", paging.size()).param("offset", paging.offset())
                .query((rs, row) -> view(rs)).list();
        long total = jdbc.sql("SELECT count(*) FROM stock_plan p LEFT JOIN stock s"
                        + " ON s.location = p.location AND s.part_number = p.part_number" + FILTER)
                .param("location", location).param("below", belowMinimum).query(Long.class).single();
        return paging.of(items, total);
    }

    void insert(StockPlan plan) {
        jdbc.sql("""
                INSERT INTO stock_plan (location, part_number, safety_stock, minimum, maximum, below_minimum, version,
                                        updated_at, updated_by)
                VALUES (:location, :part, :safety, :minimum, :maximum, :below, :version, :at, :by)
                """)
                .param("location", plan.location()).param("part", plan.partNumber())
                .param("safety", plan.safetyStock()).param("minimum", plan.minimum()).param("maximum", plan.maximum())
                .param("below", plan.belowMinimum()).param("version", plan.version())
                .param("at", Timestamps.utc(plan.updatedAt())).param("by", plan.updatedBy()).update();
    }

    /** The storekeeper's new figures (the caller holds the row lock and checked the version). */
    void update(StockPlan plan) {
        jdbc.sql("""
                UPDATE stock_plan SET safety_stock = :safety, minimum = :minimum, maximum = :maximum,
                                      version = :version, updated_at = :at, updated_by = :by
                 WHERE location = :location AND part_number = :part
                """)
                .param("location", plan.location()).param("part", plan.partNumber())
                .param("safety", plan.safetyStock()).param("minimum", plan.minimum()).param("maximum", plan.maximum())
                .param("version", plan.version()).param("at", Timestamps.utc(plan.updatedAt()))
                .param("by", plan.updatedBy()).update();
    }

    /** The flag and the crossing's event, in the caller's transaction (EVT-01). */
    void save(StockPlanChange change) {
        if (change.flagChanged()) {
            jdbc.sql("UPDATE stock_plan SET below_minimum = :below WHERE location = :location AND part_number = :part")
                    .param("below", change.plan().belowMinimum()).param("location", change.plan().location())
                    .param("part", change.plan().partNumber()).update();
        }
        outbox.appendAll(change.events());
    }

    private static StockPlan plan(ResultSet rs) throws SQLException {
        return new StockPlan(rs.getString("location"), rs.getString("part_number"), rs.getInt("safety_stock"),
                rs.getInt("minimum"), rs.getInt("maximum"), rs.getBoolean("below_minimum"), rs.getInt("version"),
                Timestamps.instant(rs, "updated_at"), rs.getString("updated_by"));
    }

    private static PlanView view(ResultSet rs) throws SQLException {
        return PlanView.of(plan(rs), new StockPlan.StockLevel(rs.getInt("on_hand"), rs.getInt("reserved")));
    }
}
