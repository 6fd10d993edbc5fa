package com.opensvc.aftersales.dispatch.charge;

import static com.opensvc.aftersales.data.Timestamps.utc;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import lombok.RequiredArgsConstructor;

/** Dispatch's copy of the catalogue's latest unit price per part (table {@code part_price}). */
@Repository
@RequiredArgsConstructor
class PartPriceRepository {
    private final JdbcClient jdbc;

    /** Keeps the price unless a newer issue already priced the part (events may arrive out of order). */
    void remember(PartPrice price, Instant pricedAt) {
        jdbc.sql("""
                INSERT INTO part_price (part_number, unit_price, currency, priced_at)
                VALUES (:part, :price, :currency, :at)
                ON CONFLICT (part_number) DO UPDATE
                   SET unit_price = excluded.unit_price, currency = excluded.currency, priced_at = excluded.priced_at
                 WHERE part_price.priced_at <= excluded.priced_at
                """)
                .param("part", price.partNumber()).param("price", price.unitPrice()).param("currency", price.currency())
                .param("at", utc(pricedAt)).update();
    }

    Map<String, PartPrice> latest(Collection<String> partNumbers) {
        if (partNumbers.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT part_number, unit_price, currency FROM part_price WHERE part_number IN (:parts)")
                .param("parts", partNumbers)
                .query((rs, row) -> new PartPrice(rs.getString("part_number"), rs.getBigDecimal("unit_price"),
                        rs.getString("currency")))
                .list().stream().collect(Collectors.toMap(PartPrice::partNumber, Function.identity()));
    }
}
