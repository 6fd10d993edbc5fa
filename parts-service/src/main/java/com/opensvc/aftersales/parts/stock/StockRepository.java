package com.opensvc.aftersales.parts.stock;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

@Repository
@RequiredArgsConstructor
class StockRepository {
    /** The advisory-lock key space of stock locations in the parts database. */
    private static final int LOCATION_LOCKS = 5301;

    private final JdbcClient jdbc;

    /**
     * Available quantity per part at a location, row-locked in part-number order: concurrent requests for the
     * same parts queue here instead of overselling (PRT-02), and the fixed order rules out deadlocks.
     */
    Map<String, Integer> lockAvailable(String location, Collection<String> partNumbers) {
        return jdbc.sql("""
                SELECT part_number, on_hand - reserved AS available FROM stock
                 WHERE location = :location AND part_number IN (:parts)
                 ORDER BY part_number FOR UPDATE
                """)
                .param("location", location).param("parts", partNumbers)
                .query((rs, row) -> Map.entry(rs.getString("part_number"), rs.getInt("available")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * The location's transaction lock: requests, receipts and fills at one location take turns, so none of them
     * reads stock another is about to change, and their row locks never cross (PRT-02).
     */
    void lockLocation(String location) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:space, hashtext(:location))")
                .param("space", LOCATION_LOCKS).param("location", location).query().listOfRows();
    }

    Optional<String> locationKind(String location) {
        return jdbc.sql("SELECT kind FROM location WHERE code = :code").param("code", location)
                .query(String.class).optional();
    }

    Set<String> knownParts(Collection<String> partNumbers) {
        if (partNumbers.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT part_number FROM part WHERE part_number IN (:parts)")
                .param("parts", partNumbers).query(String.class).list());
    }

    /** INT-08: the catalogue's unit price of each of these parts that is in the catalogue. */
    Map<String, BigDecimal> unitPrices(Collection<String> partNumbers) {
        if (partNumbers.isEmpty()) {
            return Map.of();
        }
        Map<String, BigDecimal> prices = new HashMap<>();
        jdbc.sql("SELECT part_number, unit_price FROM part WHERE part_number IN (:parts)").param("parts", partNumbers)
                .query((rs, row) -> prices.put(rs.getString("part_number"), rs.getBigDecimal("unit_price"))).list();
        return prices;
    }

    boolean locationExists(String location) {
        return jdbc.sql("SELECT count(*) FROM location WHERE code = :code").param("code", location)
                .query(Integer.class).single() > 0;
    }

    /** PRT-03: where the work order's part was last issued from (ISSUE_TO_TECHNICIAN movements). */
    Optional<String> issuedFrom(java.util.UUID workOrderId, String partNumber) {
        return jdbc.sql("""
                SELECT from_location FROM movement
                 WHERE work_order_id = :workOrder AND part_number = :part AND reason = 'ISSUE_TO_TECHNICIAN'
                 ORDER BY id DESC LIMIT 1
                """)
                .param("workOrder", workOrderId).param("part", partNumber).query(String.class).optional();
    }

    /** Moves stock between locations (either may be null) and writes the ledger movement. */
    void move(PartLine line, String from, String to, MovementReason reason, StockService.Reference reference) {
        if (from != null) {
            int taken = jdbc.sql("""
                    UPDATE stock SET on_hand = on_hand - :qty
                     WHERE location = :location AND part_number = :part AND on_hand - reserved >= :qty
                    """)
                    .param("qty", line.quantity()).param("location", from).param("part", line.partNumber()).update();
            if (taken != 1) {
                throw new NotEnoughStockException(line.partNumber(), from, available(from, line.partNumber()),
                        line.quantity());
            }
        }
        if (to != null) {
            jdbc.sql("""
                    INSERT INTO stock (location, part_number, on_hand) VALUES (:location, :part, :qty)
                    ON CONFLICT (location, part_number) DO UPDATE SET on_hand = stock.on_hand + :qty
                    """)
                    .param("qty", line.quantity()).param("location", to).param("part", line.partNumber()).update();
        }
        jdbc.sql("""
                INSERT INTO movement (at, part_number, from_location, to_location, quantity, reason, actor,
                    work_order_id, ticket_id, reference, product_model)
                VALUES (:at, :part, :from, :to, :qty, :reason, :actor, :workOrder, :ticket, :document, :model)
                """)
                .param("at", Timestamps.utc(reference.at())).param("part", line.partNumber()).param("from", from)
                .param("to", to).param("qty", line.quantity()).param("reason", reason.name())
                .param("actor", reference.actor()).param("workOrder", reference.workOrderId())
                .param("ticket", reference.ticketId()).param("document", reference.document()).param("model", reference.productModel()).update();
    }

    /** PRT-01: reserved grows by the line's quantity if that much is available; false (nothing changed) if not. */
    boolean reserve(String location, PartLine line) {
        return jdbc.sql("""
                UPDATE stock SET reserved = reserved + :qty
                 WHERE location = :location AND part_number = :part AND on_hand - reserved >= :qty
                """)
                .param("qty", line.quantity()).param("location", location).param("part", line.partNumber())
                .update() == 1;
    }

    /** PRT-01: a reservation's quantity is available again (or is about to leave on hand with it). */
    void release(String location, PartLine line) {
        int released = jdbc.sql("""
                UPDATE stock SET reserved = reserved - :qty
                 WHERE location = :location AND part_number = :part AND reserved >= :qty
                """)
                .param("qty", line.quantity()).param("location", location).param("part", line.partNumber()).update();
        if (released != 1) {
            throw new IllegalStateException("less than " + line.quantity() + " of " + line.partNumber()
                    + " reserved at " + location);
        }
    }

    int available(String location, String partNumber) {
        return jdbc.sql("SELECT coalesce(sum(on_hand - reserved), 0) FROM stock WHERE location = :l AND part_number = :p")
                .param("l", location).param("p", partNumber).query(Integer.class).single();
    }

    List<StockLevel> levels(String location, Paging paging) {
        return jdbc.sql("""
                SELECT location, part_number, on_hand, reserved, on_hand - reserved AS available FROM stock
                 WHERE (CAST(:location AS text) IS NULL OR location = :location) ORDER BY location, part_number
                 LIMIT :limit OFFSET :offset
                """)
                .param("location", location).param("limit", paging.size()).param("offset", paging.offset())
                .query((rs, row) -> new StockLevel(rs.getString("location"), rs.getString("part_number"),
                        rs.getInt("on_hand"), rs.getInt("reserved"), rs.getInt("available")))
                .list();
    }
}
