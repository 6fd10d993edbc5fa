package com.opensvc.aftersales.revisit.ticketfact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;
import com.opensvc.aftersales.revisit.ticketfact.TicketFactsListener.TicketAccepted;
import com.opensvc.aftersales.revisit.ticketfact.TicketFactsListener.TicketRegistered;

import lombok.RequiredArgsConstructor;

@Repository
@RequiredArgsConstructor
class TicketFactRepository {
    private final JdbcClient jdbc;

    void registered(TicketRegistered e) {
        jdbc.sql("""
                INSERT INTO ticket_fact (ticket_id, ticket_number, kind, channel, category, product_line, product_model,
                                         registered_at, updated_at)
                VALUES (:ticket, :number, :kind, :channel, :category, :line, :model, :at, :at)
                ON CONFLICT (ticket_id) DO UPDATE SET
                    ticket_number = COALESCE(ticket_fact.ticket_number, EXCLUDED.ticket_number),
                    kind = COALESCE(ticket_fact.kind, EXCLUDED.kind),
                    channel = EXCLUDED.channel, category = EXCLUDED.category,
                    product_line = COALESCE(ticket_fact.product_line, EXCLUDED.product_line),
                    product_model = COALESCE(ticket_fact.product_model, EXCLUDED.product_model),
                    registered_at = EXCLUDED.registered_at
                """)
                .param("ticket", e.ticketId()).param("number", e.ticketNumber()).param("kind", e.kind())
                .param("channel", e.channel()).param("category", e.category()).param("line", e.productLine())
                .param("model", e.productModel()).param("at", Timestamps.utc(e.occurredAt())).update();
    }

    void accepted(TicketAccepted e) {
        jdbc.sql("""
                INSERT INTO ticket_fact (ticket_id, ticket_number, kind, product_line, product_model, serial_number,
                                         customer_id, region, installed_product_id, accepted_at, updated_at)
                VALUES (:ticket, :number, :kind, :line, :model, :serial, :customer, :region, :installed, :at, :at)
                ON CONFLICT (ticket_id) DO UPDATE SET
                    ticket_number = COALESCE(EXCLUDED.ticket_number, ticket_fact.ticket_number),
                    kind = COALESCE(EXCLUDED.kind, ticket_fact.kind),
                    product_line = COALESCE(EXCLUDED.product_line, ticket_fact.product_line),
                    product_model = COALESCE(EXCLUDED.product_model, ticket_fact.product_model),
                    serial_number = EXCLUDED.serial_number,
                    customer_id = COALESCE(EXCLUDED.customer_id, ticket_fact.customer_id),
                    region = EXCLUDED.region,
                    installed_product_id = COALESCE(EXCLUDED.installed_product_id, ticket_fact.installed_product_id),
                    accepted_at = EXCLUDED.accepted_at, updated_at = EXCLUDED.updated_at
                 WHERE ticket_fact.accepted_at IS NULL OR ticket_fact.accepted_at <= EXCLUDED.accepted_at
                """)
                .param("ticket", e.ticketId()).param("number", e.ticketNumber()).param("kind", e.kind())
                .param("line", e.productLine()).param("model", e.productModel()).param("serial", e.serialNumber())
                .param("customer", e.customerId()).param("region", e.customerRegion())
                .param("installed", e.installedProductId()).param("at", Timestamps.utc(e.occurredAt())).update();
    }

    Optional<TicketFact> find(UUID ticketId) {
        return jdbc.sql("SELECT * FROM ticket_fact WHERE ticket_id = :ticket").param("ticket", ticketId)
                .query(TicketFactRepository::map).optional();
    }

    private static TicketFact map(ResultSet rs, int row) throws SQLException {
        return new TicketFact(rs.getObject("ticket_id", UUID.class), rs.getString("ticket_number"),
                rs.getString("kind"), rs.getString("channel"), rs.getString("category"), rs.getString("product_line"),
                rs.getString("product_model"), rs.getString("serial_number"), rs.getObject("customer_id", UUID.class),
                rs.getString("region"), rs.getObject("installed_product_id", UUID.class),
                Timestamps.instant(rs, "registered_at"), Timestamps.instant(rs, "accepted_at"));
    }
}
