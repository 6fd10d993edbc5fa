package com.opensvc.aftersales.parts.ledger;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import lombok.RequiredArgsConstructor;

/** Reads of the stock feature's {@code stock} and {@code movement} tables (reads only; the ledger is stock's). */
@Repository
@RequiredArgsConstructor
class LedgerRepository {
    /** Every (location, part) pair with a stock row or a movement, its stock row and its ledger balance. */
    private static final String PAIRS = """
            WITH ledger AS (
                SELECT location, part_number, sum(quantity) AS balance FROM (
                    SELECT to_location AS location, part_number, quantity FROM movement WHERE to_location IS NOT NULL
                    UNION ALL
                    SELECT from_location, part_number, -quantity FROM movement WHERE from_location IS NOT NULL) m
                 GROUP BY location, part_number),
            pairs AS (
                SELECT coalesce(s.location, l.location) AS location, coalesce(s.part_number, l.part_number) AS part_number,
                       coalesce(s.on_hand, 0) AS on_hand, coalesce(s.reserved, 0) AS reserved,
                       coalesce(l.balance, 0) AS balance
                  FROM stock s FULL JOIN ledger l ON l.location = s.location AND l.part_number = s.part_number)
            """;
    private static final String DIFFERS = "(on_hand <> balance OR on_hand < 0 OR on_hand - reserved < 0)";

    private final JdbcClient jdbc;

    record Counts(long pairs, long differing) {
    }

    Counts counts() {
        return jdbc.sql(PAIRS + "SELECT count(*) AS pairs, count(*) FILTER (WHERE " + DIFFERS + ") AS differing FROM pairs")
                .query((rs, row) -> new Counts(rs.getLong("pairs"), rs.getLong("differing"))).single();
    }

    List<StockConsistency.Difference> differences(int limit) {
        return jdbc.sql(PAIRS + "SELECT * FROM pairs WHERE " + DIFFERS + " ORDER BY location, part_number LIMIT :limit")
                .param("limit", limit)
                .query((rs, row) -> {
                    int onHand = rs.getInt("on_hand");
                    int reserved = rs.getInt("reserved");
                    long balance = rs.getLong("balance");
                    List<StockConsistency.Problem> problems = new ArrayList<>();
                    if (onHand != balance) {
                        problems.add(StockConsistency.Problem.ON_HAND_NOT_LEDGER_SUM);
                    }
                    if (onHand < 0) {
                        problems.add(StockConsistency.Problem.NEGATIVE_ON_HAND);
                    }
                    if (onHand - reserved < 0) {
                        problems.add(StockConsistency.Problem.NEGATIVE_AVAILABLE);
                    }
                    return new StockConsistency.Difference(rs.getString("location"), rs.getString("part_number"),
                            onHand, reserved, onHand - reserved, balance, List.copyOf(problems));
                }).list();
    }
}
