package com.opensvc.aftersales.parts.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;

import lombok.RequiredArgsConstructor;

/**
 * PRT-07: the read model of parts' reports. Reads only, joining the ledger ({@code movement}) with {@code stock},
 * {@code part} and {@code location} (reads across features are allowed for read models; this writes nothing).
 * Filters are added as bound parameters only where given.
 */
@Repository
@RequiredArgsConstructor
class PartsReportRepository {
    private static final String CONSUMED = "('CONSUMED_UNDER_WARRANTY', 'CONSUMED_ON_PAID_WORK')";

    private final JdbcClient jdbc;

    /** The conditions and parameters of one query, in the order they were added. */
    private static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> params = new LinkedHashMap<>();

        Where add(String condition, String name, Object value) {
            if (value != null) {
                conditions.add(condition);
                params.put(name, value);
            }
            return this;
        }

        Where always(String condition) {
            conditions.add(condition);
            return this;
        }

        Where param(String name, Object value) {
            params.put(name, value);
            return this;
        }

        String sql() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            params.forEach(spec::param);
            return spec;
        }
    }

    // ---- technician holdings -------------------------------------------------------------------------------------

    private static String holdings(Where where) {
        return """
                SELECT coalesce(l.owner, substr(l.code, 6)) AS technician, f.location, f.part_number, p.description,
                       sum(f.issued) AS issued, sum(f.consumed) AS consumed, sum(f.returned) AS returned,
                       coalesce(max(s.on_hand), 0) AS on_hand
                  FROM (SELECT m.to_location AS location, m.part_number, m.quantity AS issued, 0 AS consumed,
                               0 AS returned
                          FROM movement m JOIN location t ON t.code = m.to_location AND t.kind = 'TECHNICIAN'
                        UNION ALL
                        SELECT m.from_location, m.part_number, 0,
                               CASE WHEN m.reason IN %1$s THEN m.quantity ELSE 0 END,
                               CASE WHEN m.reason IN %1$s THEN 0 ELSE m.quantity END
                          FROM movement m JOIN location t ON t.code = m.from_location AND t.kind = 'TECHNICIAN') f
                  JOIN location l ON l.code = f.location
                  JOIN part p ON p.part_number = f.part_number
                  LEFT JOIN stock s ON s.location = f.location AND s.part_number = f.part_number
                """.formatted(CONSUMED) + where.sql() + """
                 GROUP BY l.owner, l.code, f.location, f.part_number, p.description
                """;
    }

    private static Where holdingFilter(String holding, String partNumber) {
        return new Where().add("f.location = :holding", "holding", holding)
                .add("f.part_number = :part", "part", partNumber);
    }

    List<HoldingRow> holdings(String holding, String partNumber, long limit, long offset) {
        Where where = holdingFilter(holding, partNumber).param("limit", limit).param("offset", offset);
        return where.bind(jdbc.sql("SELECT * FROM (" + holdings(where) + ") h ORDER BY technician, location, "
                        + "part_number LIMIT :limit OFFSET :offset"))
                .query((rs, row) -> {
                    int issued = rs.getInt("issued");
                    int consumed = rs.getInt("consumed");
                    int returned = rs.getInt("returned");
                    return new HoldingRow(rs.getString("technician"), rs.getString("location"),
                            rs.getString("part_number"), rs.getString("description"), issued, consumed, returned,
                            issued - consumed - returned, rs.getInt("on_hand"));
                }).list();
    }

    long countHoldings(String holding, String partNumber) {
        Where where = holdingFilter(holding, partNumber);
        return where.bind(jdbc.sql("SELECT count(*) FROM (" + holdings(where) + ") h")).query(Long.class).single();
    }

    // ---- consumption by product model ----------------------------------------------------------------------------

    private static String period(Granularity granularity) {
        return granularity == Granularity.MONTH ? "to_char(m.at AT TIME ZONE :zone, 'YYYY-MM')"
                : "CAST(:label AS text)";
    }

    private static Where periodFilter(Granularity granularity, Instant start, Instant end, ZoneId zone, String label) {
        Where where = new Where().add("m.at >= :start", "start", Timestamps.utc(start))
                .add("m.at < :end", "end", Timestamps.utc(end));
        return granularity == Granularity.MONTH ? where.param("zone", zone.getId()) : where.param("label", label);
    }

    private static String consumption(Granularity granularity, Where where) {
        return """
                SELECT %1$s AS period, m.product_model, m.part_number, p.description,
                       sum(CASE WHEN m.reason = 'CONSUMED_UNDER_WARRANTY' THEN m.quantity ELSE 0 END) AS warranty,
                       sum(CASE WHEN m.reason = 'CONSUMED_ON_PAID_WORK' THEN m.quantity ELSE 0 END) AS paid,
                       sum(m.quantity) AS quantity
                  FROM movement m JOIN part p ON p.part_number = m.part_number
                """.formatted(period(granularity)) + where.sql() + """
                 GROUP BY 1, m.product_model, m.part_number, p.description
                """;
    }

    private static Where consumptionFilter(Granularity granularity, Instant start, Instant end, ZoneId zone,
                                           String label, String productModel, String partNumber) {
        return periodFilter(granularity, start, end, zone, label).always("m.reason IN " + CONSUMED)
                .add("m.product_model = :model", "model", productModel)
                .add("m.part_number = :part", "part", partNumber);
    }

    List<ConsumptionRow> consumption(Granularity granularity, Instant start, Instant end, ZoneId zone, String label,
                                     String productModel, String partNumber, long limit, long offset) {
        Where where = consumptionFilter(granularity, start, end, zone, label, productModel, partNumber)
                .param("limit", limit).param("offset", offset);
        return where.bind(jdbc.sql("SELECT * FROM (" + consumption(granularity, where) + ") c ORDER BY period, "
                        + "product_model NULLS LAST, part_number LIMIT :limit OFFSET :offset"))
                .query((rs, row) -> new ConsumptionRow(rs.getString("period"), rs.getString("product_model"),
                        rs.getString("part_number"), rs.getString("description"), rs.getInt("warranty"),
                        rs.getInt("paid"), rs.getInt("quantity")))
                .list();
    }

    long countConsumption(Granularity granularity, Instant start, Instant end, ZoneId zone, String label,
                          String productModel, String partNumber) {
        Where where = consumptionFilter(granularity, start, end, zone, label, productModel, partNumber);
        return where.bind(jdbc.sql("SELECT count(*) FROM (" + consumption(granularity, where) + ") c"))
                .query(Long.class).single();
    }

    // ---- scrap ---------------------------------------------------------------------------------------------------

    private static String scrap(Granularity granularity, Where where) {
        return """
                SELECT %1$s AS period, m.from_location AS location, m.part_number, p.description,
                       sum(m.quantity) AS quantity, p.unit_price
                  FROM movement m JOIN part p ON p.part_number = m.part_number
                """.formatted(period(granularity)) + where.sql() + """
                 GROUP BY 1, m.from_location, m.part_number, p.description, p.unit_price
                """;
    }

    private static Where scrapFilter(Granularity granularity, Instant start, Instant end, ZoneId zone, String label,
                                     String location, String partNumber) {
        return periodFilter(granularity, start, end, zone, label).always("m.reason = 'SCRAPPED'")
                .add("m.from_location = :location", "location", location)
                .add("m.part_number = :part", "part", partNumber);
    }

    /** Rows of scrap; {@code value} and {@code currency} are set by the caller. */
    List<ScrapRow> scrap(Granularity granularity, Instant start, Instant end, ZoneId zone, String label,
                         String location, String partNumber, String currency, long limit, long offset) {
        Where where = scrapFilter(granularity, start, end, zone, label, location, partNumber)
                .param("limit", limit).param("offset", offset);
        return where.bind(jdbc.sql("SELECT * FROM (" + scrap(granularity, where) + ") s ORDER BY period, "
                        + "location NULLS LAST, part_number LIMIT :limit OFFSET :offset"))
                .query((rs, row) -> {
                    int quantity = rs.getInt("quantity");
                    var price = rs.getBigDecimal("unit_price");
                    return new ScrapRow(rs.getString("period"), rs.getString("location"), rs.getString("part_number"),
                            rs.getString("description"), quantity, price,
                            price.multiply(java.math.BigDecimal.valueOf(quantity)), currency);
                }).list();
    }

    long countScrap(Granularity granularity, Instant start, Instant end, ZoneId zone, String label, String location,
                    String partNumber) {
        Where where = scrapFilter(granularity, start, end, zone, label, location, partNumber);
        return where.bind(jdbc.sql("SELECT count(*) FROM (" + scrap(granularity, where) + ") s"))
                .query(Long.class).single();
    }

    // ---- inventory value -----------------------------------------------------------------------------------------

    /** One line of stock on hand with its kind of location and the catalogue price. */
    record StockValueLine(String location, String kind, String partNumber, String description, int onHand,
                          java.math.BigDecimal unitPrice) {
    }

    List<StockValueLine> stockOnHand(String location, String kind) {
        Where where = new Where().always("s.on_hand > 0").add("s.location = :location", "location", location)
                .add("l.kind = :kind", "kind", kind);
        return where.bind(jdbc.sql("""
                        SELECT s.location, l.kind, s.part_number, p.description, s.on_hand, p.unit_price
                          FROM stock s JOIN location l ON l.code = s.location JOIN part p ON p.part_number = s.part_number
                        """ + where.sql() + " ORDER BY s.location, s.part_number"))
                .query((rs, row) -> new StockValueLine(rs.getString("location"), rs.getString("kind"),
                        rs.getString("part_number"), rs.getString("description"), rs.getInt("on_hand"),
                        rs.getBigDecimal("unit_price")))
                .list();
    }

    // ---- movement history ----------------------------------------------------------------------------------------

    /** The history's filters; any may be null. */
    record HistoryFilter(String partNumber, String location, UUID workOrderId, String reason, Instant start,
                         Instant end) {
    }

    private static Where historyFilter(HistoryFilter filter) {
        return new Where().add("m.part_number = :part", "part", filter.partNumber())
                .add("(m.from_location = :location OR m.to_location = :location)", "location", filter.location())
                .add("m.work_order_id = :workOrder", "workOrder", filter.workOrderId())
                .add("m.reason = :reason", "reason", filter.reason())
                .add("m.at >= :start", "start", Timestamps.utc(filter.start()))
                .add("m.at < :end", "end", Timestamps.utc(filter.end()));
    }

    List<MovementLine> history(HistoryFilter filter, long limit, long offset) {
        Where where = historyFilter(filter).param("limit", limit).param("offset", offset);
        return where.bind(jdbc.sql("""
                        SELECT m.*, p.description FROM movement m JOIN part p ON p.part_number = m.part_number
                        """ + where.sql() + " ORDER BY m.at DESC, m.id DESC LIMIT :limit OFFSET :offset"))
                .query(this::movement).list();
    }

    long countHistory(HistoryFilter filter) {
        Where where = historyFilter(filter);
        return where.bind(jdbc.sql("SELECT count(*) FROM movement m" + where.sql())).query(Long.class).single();
    }

    private MovementLine movement(ResultSet rs, int row) throws SQLException {
        return new MovementLine(rs.getLong("id"), Timestamps.instant(rs, "at"), rs.getString("part_number"),
                rs.getString("description"), rs.getString("from_location"), rs.getString("to_location"),
                rs.getInt("quantity"), rs.getString("reason"), rs.getString("actor"),
                rs.getObject("work_order_id", UUID.class), rs.getObject("ticket_id", UUID.class),
                rs.getString("reference"), rs.getString("product_model"));
    }
}
