package com.opensvc.aftersales.parts.stock;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class StockRepository {
    private final JdbcClient jdbc;

    public StockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Available quantity per part at a location, row-locked in part-number order: concurrent requests for the
     * same parts queue here instead of overselling (PRT-02), and the fixed order rules out deadlocks.
     */
    public Map<String, Integer> lockAvailable(String location, Collection<String> partNumbers) {
        return jdbc.sql("""
                SELECT part_number, on_hand - reserved AS available FROM stock
                 WHERE location = :location AND part_number IN (:parts)
                 ORDER BY part_number FOR UPDATE
                """)
                .param("location", location).param("parts", partNumbers)
                .query((rs, row) -> Map.entry(rs.getString("part_number"), rs.getInt("available")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public boolean locationExists(String location) {
        return jdbc.sql("SELECT count(*) FROM location WHERE code = :code").param("code", location)
                .query(Integer.class).single() > 0;
    }

    public void ensureTechnicianHolding(String location, String technician) {
        jdbc.sql("INSERT INTO location (code, kind, owner) VALUES (:code, 'TECHNICIAN', :owner) ON CONFLICT DO NOTHING")
                .param("code", location).param("owner", technician).update();
    }

    /** Moves stock between locations and writes the ledger movement, in the caller's transaction. */
    public void move(String partNumber, int quantity, String from, String to, String reason, String actor,
                     UUID workOrderId, UUID ticketId, Instant at) {
        if (from != null) {
            int taken = jdbc.sql("""
                    UPDATE stock SET on_hand = on_hand - :qty
                     WHERE location = :location AND part_number = :part AND on_hand - reserved >= :qty
                    """)
                    .param("qty", quantity).param("location", from).param("part", partNumber).update();
            if (taken != 1) {
                throw new IllegalStateException("not enough " + partNumber + " at " + from);
            }
        }
        if (to != null) {
            jdbc.sql("""
                    INSERT INTO stock (location, part_number, on_hand) VALUES (:location, :part, :qty)
                    ON CONFLICT (location, part_number) DO UPDATE SET on_hand = stock.on_hand + :qty
                    """)
                    .param("qty", quantity).param("location", to).param("part", partNumber).update();
        }
        jdbc.sql("""
                INSERT INTO movement (at, part_number, from_location, to_location, quantity, reason, actor,
                    work_order_id, ticket_id)
                VALUES (:at, :part, :from, :to, :qty, :reason, :actor, :workOrder, :ticket)
                """)
                .param("at", at.atOffset(ZoneOffset.UTC)).param("part", partNumber).param("from", from)
                .param("to", to).param("qty", quantity).param("reason", reason).param("actor", actor)
                .param("workOrder", workOrderId).param("ticket", ticketId).update();
    }

    public List<StockLevel> levels(String location) {
        return jdbc.sql("""
                SELECT location, part_number, on_hand, reserved, on_hand - reserved AS available FROM stock
                 WHERE (CAST(:location AS text) IS NULL OR location = :location) ORDER BY location, part_number
                """)
                .param("location", location)
                .query((rs, row) -> new StockLevel(rs.getString("location"), rs.getString("part_number"),
                        rs.getInt("on_hand"), rs.getInt("reserved"), rs.getInt("available")))
                .list();
    }
}
