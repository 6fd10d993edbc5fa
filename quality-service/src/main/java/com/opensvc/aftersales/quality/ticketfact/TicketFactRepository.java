package com.opensvc.aftersales.quality.ticketfact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;

import lombok.RequiredArgsConstructor;

@Repository
@RequiredArgsConstructor
class TicketFactRepository {
    private final JdbcClient jdbc;

    void registered(TicketRegistered r, Instant at) {
        TicketRegistered.Referrer referrer = r.referredBy();
        jdbc.sql("""
                INSERT INTO ticket_fact (ticket_id, ticket_number, kind, category, channel, referred_by_name,
                    referred_by_department, product_model, registered_at, updated_at)
                VALUES (:ticket, :number, :kind, :category, :channel, :referrer, :department, :model, :occurred, :at)
                ON CONFLICT (ticket_id) DO UPDATE SET ticket_number = EXCLUDED.ticket_number,
                    kind = COALESCE(EXCLUDED.kind, ticket_fact.kind),
                    category = COALESCE(EXCLUDED.category, ticket_fact.category), channel = EXCLUDED.channel,
                    referred_by_name = COALESCE(EXCLUDED.referred_by_name, ticket_fact.referred_by_name),
                    referred_by_department = COALESCE(EXCLUDED.referred_by_department, ticket_fact.referred_by_department),
                    product_model = COALESCE(ticket_fact.product_model, EXCLUDED.product_model),
                    registered_at = EXCLUDED.registered_at, updated_at = EXCLUDED.updated_at
                """)
                .param("ticket", r.ticketId()).param("number", r.ticketNumber()).param("kind", r.kind())
                .param("category", r.category()).param("channel", r.channel())
                .param("referrer", referrer == null ? null : referrer.name())
                .param("department", referrer == null ? null : referrer.department())
                .param("model", r.productModel()).param("occurred", Timestamps.utc(r.occurredAt()))
                .param("at", Timestamps.utc(at)).update();
    }

    void accepted(TicketAccepted a, Instant at) {
        TicketRegistered.Referrer referrer = a.referredBy();
        jdbc.sql("""
                INSERT INTO ticket_fact (ticket_id, ticket_number, kind, customer_id, installed_product_id, region,
                    product_model, serial_number, referred_by_name, referred_by_department, accepted_at, updated_at)
                VALUES (:ticket, :number, :kind, :customer, :unit, :region, :model, :serial, :referrer, :department,
                    :occurred, :at)
                ON CONFLICT (ticket_id) DO UPDATE SET ticket_number = COALESCE(EXCLUDED.ticket_number, ticket_fact.ticket_number),
                    kind = COALESCE(EXCLUDED.kind, ticket_fact.kind),
                    customer_id = COALESCE(EXCLUDED.customer_id, ticket_fact.customer_id),
                    installed_product_id = COALESCE(EXCLUDED.installed_product_id, ticket_fact.installed_product_id),
                    region = COALESCE(EXCLUDED.region, ticket_fact.region),
                    product_model = COALESCE(EXCLUDED.product_model, ticket_fact.product_model),
                    serial_number = COALESCE(EXCLUDED.serial_number, ticket_fact.serial_number),
                    referred_by_name = COALESCE(EXCLUDED.referred_by_name, ticket_fact.referred_by_name),
                    referred_by_department = COALESCE(EXCLUDED.referred_by_department, ticket_fact.referred_by_department),
                    accepted_at = EXCLUDED.accepted_at, updated_at = EXCLUDED.updated_at
                """)
                .param("ticket", a.ticketId()).param("number", a.ticketNumber()).param("kind", a.kind())
                .param("customer", a.customerId()).param("unit", a.installedProductId())
                .param("region", a.customerRegion()).param("model", a.productModel())
                .param("serial", a.serialNumber())
                .param("referrer", referrer == null ? null : referrer.name())
                .param("department", referrer == null ? null : referrer.department())
                .param("occurred", Timestamps.utc(a.occurredAt())).param("at", Timestamps.utc(at)).update();
    }

    Optional<TicketFact> find(UUID ticketId) {
        return jdbc.sql("SELECT * FROM ticket_fact WHERE ticket_id = :id").param("id", ticketId).query(this::map)
                .optional();
    }

    private TicketFact map(ResultSet rs, int row) throws SQLException {
        return new TicketFact(rs.getObject("ticket_id", UUID.class), rs.getString("ticket_number"),
                rs.getString("kind"), rs.getString("category"), rs.getString("channel"),
                rs.getString("referred_by_name"), rs.getString("referred_by_department"),
                rs.getObject("customer_id", UUID.class), rs.getObject("installed_product_id", UUID.class),
                rs.getString("region"), rs.getString("product_model"), rs.getString("serial_number"),
                Timestamps.instant(rs, "registered_at"), Timestamps.instant(rs, "accepted_at"));
    }
}
