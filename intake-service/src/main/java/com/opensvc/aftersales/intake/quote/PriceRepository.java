package com.opensvc.aftersales.intake.quote;

import static com.opensvc.aftersales.data.Timestamps.instant;
import static com.opensvc.aftersales.data.Timestamps.utc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

@Repository
@RequiredArgsConstructor
public class PriceRepository {
    private final JdbcClient jdbc;

    /**
     * Inserts or updates a part price. With {@code expectedVersion} the update only happens at that version.
     *
     * @return the new version, or empty when the row exists at another version
     */
    public OptionalInt upsertPart(String partNumber, String description, BigDecimal catalogue, BigDecimal cost,
                                  Integer expectedVersion, Instant now, String actor) {
        return versioned(jdbc.sql("""
                INSERT INTO part_price (part_number, description, catalogue_price, cost_price, version, updated_at, updated_by)
                VALUES (:key, :description, :catalogue, :cost, 0, :at, :actor)
                ON CONFLICT (part_number) DO UPDATE SET description = EXCLUDED.description,
                    catalogue_price = EXCLUDED.catalogue_price, cost_price = EXCLUDED.cost_price,
                    version = part_price.version + 1, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
                WHERE CAST(:expected AS int) IS NULL OR part_price.version = CAST(:expected AS int)
                RETURNING version
                """).param("key", partNumber).param("description", description).param("catalogue", catalogue)
                .param("cost", cost), expectedVersion, now, actor);
    }

    public OptionalInt upsertLabour(String code, String description, BigDecimal hourlyRate, Integer expectedVersion,
                                    Instant now, String actor) {
        return versioned(jdbc.sql("""
                INSERT INTO labour_rate (code, description, hourly_rate, version, updated_at, updated_by)
                VALUES (:key, :description, :rate, 0, :at, :actor)
                ON CONFLICT (code) DO UPDATE SET description = EXCLUDED.description, hourly_rate = EXCLUDED.hourly_rate,
                    version = labour_rate.version + 1, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
                WHERE CAST(:expected AS int) IS NULL OR labour_rate.version = CAST(:expected AS int)
                RETURNING version
                """).param("key", code).param("description", description).param("rate", hourlyRate),
                expectedVersion, now, actor);
    }

    public OptionalInt upsertTravel(String zone, String description, BigDecimal price, Integer expectedVersion,
                                    Instant now, String actor) {
        return versioned(jdbc.sql("""
                INSERT INTO travel_price (zone, description, price, version, updated_at, updated_by)
                VALUES (:key, :description, :price, 0, :at, :actor)
                ON CONFLICT (zone) DO UPDATE SET description = EXCLUDED.description, price = EXCLUDED.price,
                    version = travel_price.version + 1, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
                WHERE CAST(:expected AS int) IS NULL OR travel_price.version = CAST(:expected AS int)
                RETURNING version
                """).param("key", zone).param("description", description).param("price", price),
                expectedVersion, now, actor);
    }

    public Optional<Prices.PartPrice> part(String partNumber) {
        return jdbc.sql("SELECT * FROM part_price WHERE part_number = :key").param("key", partNumber)
                .query(PriceRepository::part).optional();
    }

    public Optional<Prices.LabourRate> labour(String code) {
        return jdbc.sql("SELECT * FROM labour_rate WHERE code = :key").param("key", code)
                .query(PriceRepository::labour).optional();
    }

    public Optional<Prices.TravelPrice> travel(String zone) {
        return jdbc.sql("SELECT * FROM travel_price WHERE zone = :key").param("key", zone)
                .query(PriceRepository::travel).optional();
    }

    public PageOf<Prices.PartPrice> parts(Paging paging) {
        return page("SELECT * FROM part_price ORDER BY part_number", "part_price", paging, PriceRepository::part);
    }

    public PageOf<Prices.LabourRate> labourRates(Paging paging) {
        return page("SELECT * FROM labour_rate ORDER BY code", "labour_rate", paging, PriceRepository::labour);
    }

    public PageOf<Prices.TravelPrice> travelPrices(Paging paging) {
        return page("SELECT * FROM travel_price ORDER BY zone", "travel_price", paging, PriceRepository::travel);
    }

    /** The prices a quote request names, in one read per list. */
    public QuotePricing.PriceList priceListFor(Collection<String> partNumbers, Collection<String> labourCodes,
                                               Collection<String> travelZones) {
        Map<String, Prices.PartPrice> parts = partNumbers.isEmpty() ? Map.of()
                : byKey(jdbc.sql("SELECT * FROM part_price WHERE part_number IN (:keys)").param("keys", partNumbers)
                        .query(PriceRepository::part).list(), Prices.PartPrice::partNumber);
        Map<String, Prices.LabourRate> labour = labourCodes.isEmpty() ? Map.of()
                : byKey(jdbc.sql("SELECT * FROM labour_rate WHERE code IN (:keys)").param("keys", labourCodes)
                        .query(PriceRepository::labour).list(), Prices.LabourRate::code);
        Map<String, Prices.TravelPrice> travel = travelZones.isEmpty() ? Map.of()
                : byKey(jdbc.sql("SELECT * FROM travel_price WHERE zone IN (:keys)").param("keys", travelZones)
                        .query(PriceRepository::travel).list(), Prices.TravelPrice::zone);
        return new QuotePricing.PriceList(parts, labour, travel);
    }

    private <T> PageOf<T> page(String select, String table, Paging paging, RowMapper<T> row) {
        return paging.of(jdbc.sql(select + " LIMIT :size OFFSET :offset").param("size", paging.size())
                        .param("offset", paging.offset()).query(row).list(),
                jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
    }

    private static <T> Map<String, T> byKey(List<T> rows, Function<T, String> key) {
        return rows.stream().collect(Collectors.toMap(key, Function.identity()));
    }

    /** Runs an upsert of a price list entry: with {@code expectedVersion} its update only happens at that version. */
    private static OptionalInt versioned(JdbcClient.StatementSpec upsert, Integer expectedVersion, Instant now,
                                         String actor) {
        return upsert.param("expected", expectedVersion).param("at", utc(now)).param("actor", actor)
                .query(Integer.class).optional().map(OptionalInt::of).orElseGet(OptionalInt::empty);
    }

    private static Prices.PartPrice part(ResultSet rs, int row) throws SQLException {
        return new Prices.PartPrice(rs.getString("part_number"), rs.getString("description"),
                rs.getBigDecimal("catalogue_price"), rs.getBigDecimal("cost_price"), rs.getInt("version"),
                instant(rs, "updated_at"), rs.getString("updated_by"));
    }

    private static Prices.LabourRate labour(ResultSet rs, int row) throws SQLException {
        return new Prices.LabourRate(rs.getString("code"), rs.getString("description"), rs.getBigDecimal("hourly_rate"),
                rs.getInt("version"), instant(rs, "updated_at"), rs.getString("updated_by"));
    }

    private static Prices.TravelPrice travel(ResultSet rs, int row) throws SQLException {
        return new Prices.TravelPrice(rs.getString("zone"), rs.getString("description"), rs.getBigDecimal("price"),
                rs.getInt("version"), instant(rs, "updated_at"), rs.getString("updated_by"));
    }
}
