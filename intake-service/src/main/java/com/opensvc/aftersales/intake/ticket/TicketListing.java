package com.opensvc.aftersales.intake.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;
import com.opensvc.aftersales.intake.IntakeProperties;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

/** The desk's ticket list: paged, filtered, newest first (a line per ticket, not the whole record). */
@Repository
public class TicketListing {
    private final JdbcClient jdbc;
    private final ZoneId zone;

    public TicketListing(JdbcClient jdbc, IntakeProperties properties) {
        this.jdbc = jdbc;
        this.zone = properties.zone();
    }

    public record Filter(List<TicketState> states, TicketKind kind, Priority priority, Classification.Route routedTo,
                         Channel channel, UUID customerId, String serialNumber, String number,
                         LocalDate registeredFrom, LocalDate registeredTo) {
    }

    public record Line(UUID id, String number, TicketState state, TicketKind kind, TicketCategory category,
                       Priority priority, Classification.Route routedTo, Channel channel, UUID customerId,
                       String productModel, String serialNumber, String entitlement, boolean customerBlocked,
                       Instant registeredAt, String registeredBy) {
    }

    /** Registration dates are days in the company's zone. */
    public PageOf<Line> list(Filter filter, Paging paging) {
        if (filter.registeredFrom() != null && filter.registeredTo() != null
                && filter.registeredTo().isBefore(filter.registeredFrom())) {
            throw new InvalidFieldException("registeredTo", "must not be before registeredFrom");
        }
        StringBuilder where = new StringBuilder(" WHERE true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.states() != null && !filter.states().isEmpty()) {
            where.append(" AND state IN (:states)");
            params.put("states", filter.states().stream().map(Enum::name).toList());
        }
        add(where, params, "kind", filter.kind());
        add(where, params, "priority", filter.priority());
        add(where, params, "routed_to", filter.routedTo());
        add(where, params, "channel", filter.channel());
        if (filter.customerId() != null) {
            where.append(" AND customer_id = :customer");
            params.put("customer", filter.customerId());
        }
        if (filter.serialNumber() != null && !filter.serialNumber().isBlank()) {
            where.append(" AND serial_number = :serial");
            params.put("serial", filter.serialNumber().trim());
        }
        if (filter.number() != null && !filter.number().isBlank()) {
            where.append(" AND number = :number");
            params.put("number", filter.number().trim());
        }
        if (filter.registeredFrom() != null) {
            where.append(" AND created_at >= :from");
            params.put("from", filter.registeredFrom().atStartOfDay(zone).toOffsetDateTime());
        }
        if (filter.registeredTo() != null) {
            where.append(" AND created_at < :to");
            params.put("to", filter.registeredTo().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        long total = jdbc.sql("SELECT count(*) FROM ticket" + where).params(params).query(Long.class).single();
        List<Line> items = jdbc.sql("""
                SELECT id, number, state, kind, category, priority, routed_to, channel, customer_id, product_model,
                       serial_number, entitlement, customer_blocked, created_at, created_by
                FROM ticket""" + where + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", paging.size()).param("offset", paging.offset())
                .query((rs, n) -> new Line(rs.getObject("id", UUID.class), rs.getString("number"),
                        TicketState.valueOf(rs.getString("state")), TicketKind.valueOf(rs.getString("kind")),
                        rs.getString("category") == null ? null : TicketCategory.valueOf(rs.getString("category")),
                        Priority.valueOf(rs.getString("priority")), Classification.Route.valueOf(rs.getString("routed_to")),
                        Channel.valueOf(rs.getString("channel")), rs.getObject("customer_id", UUID.class),
                        rs.getString("product_model"), rs.getString("serial_number"), rs.getString("entitlement"),
                        rs.getBoolean("customer_blocked"), Timestamps.instant(rs, "created_at"),
                        rs.getString("created_by")))
                .list();
        return paging.of(items, total);
    }

    private static void add(StringBuilder where, Map<String, Object> params, String column, Enum<?> value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = :").append(column);
            params.put(column, value.name());
        }
    }
}
