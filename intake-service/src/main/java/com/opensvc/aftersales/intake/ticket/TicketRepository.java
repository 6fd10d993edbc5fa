package com.opensvc.aftersales.intake.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.intake.entitlement.Entitlement;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class TicketRepository {
    private static final TypeReference<List<ExpectedPart>> PARTS = new TypeReference<>() {
    };
    private final JdbcClient jdbc;
    private final JsonMapper json;

    public TicketRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Claims an Idempotency-Key for a ticket about to be inserted; false if another request holds it. */
    public boolean claimIdempotencyKey(String key, UUID ticketId, Instant now) {
        return jdbc.sql("INSERT INTO idempotency_key (key, ticket_id, created_at) VALUES (:key, :ticket, :at) ON CONFLICT DO NOTHING")
                .param("key", key).param("ticket", ticketId).param("at", utc(now)).update() == 1;
    }

    public Optional<UUID> ticketForIdempotencyKey(String key) {
        return jdbc.sql("SELECT ticket_id FROM idempotency_key WHERE key = :key").param("key", key).query(UUID.class).optional();
    }

    public int nextNumber(int year) {
        return jdbc.sql("""
                INSERT INTO ticket_number_counter (year, last) VALUES (:year, 1)
                ON CONFLICT (year) DO UPDATE SET last = ticket_number_counter.last + 1
                RETURNING last
                """).param("year", year).query(Integer.class).single();
    }

    public void insertCustomer(UUID id, RegisterTicketRequest.CustomerInput customer, Instant now, String actor) {
        jdbc.sql("INSERT INTO customer (id, name, phone, region, created_at, created_by) VALUES (:id, :name, :phone, :region, :at, :actor)")
                .param("id", id).param("name", customer.name()).param("phone", customer.phone())
                .param("region", customer.region()).param("at", utc(now)).param("actor", actor).update();
    }

    public void insert(Ticket t) {
        jdbc.sql("""
                INSERT INTO ticket (id, number, customer_id, product_model, product_line, serial_number, ship_date,
                    reported_on, fault_description, channel, service_type, priority, entitlement, quality_must_report,
                    expected_parts, state, version, created_at, created_by, updated_at)
                VALUES (:id, :number, :customer, :model, :line, :serial, :shipDate, :reportedOn, :fault, :channel,
                    :serviceType, :priority, :entitlement, :quality, CAST(:parts AS jsonb), :state, 0, :at, :actor, :at)
                """)
                .param("id", t.id()).param("number", t.number()).param("customer", t.customerId())
                .param("model", t.productModel()).param("line", t.productLine()).param("serial", t.serialNumber())
                .param("shipDate", t.shipDate()).param("reportedOn", t.reportedOn()).param("fault", t.faultDescription())
                .param("channel", t.channel().name()).param("serviceType", t.serviceType().name())
                .param("priority", t.priority().name())
                .param("entitlement", t.entitlement() == null ? null : t.entitlement().name())
                .param("quality", t.qualityMustReport()).param("parts", json.writeValueAsString(t.expectedParts()))
                .param("state", t.state().name()).param("at", utc(t.createdAt())).param("actor", t.createdBy())
                .update();
    }

    public Optional<Ticket> find(UUID id) {
        return select("WHERE t.id = :id", id, false);
    }

    /** Reads and row-locks the ticket for a state change. */
    public Optional<Ticket> findForUpdate(UUID id) {
        return select("WHERE t.id = :id", id, true);
    }

    private Optional<Ticket> select(String where, UUID id, boolean lock) {
        return jdbc.sql("SELECT t.*, c.region AS customer_region FROM ticket t JOIN customer c ON c.id = t.customer_id "
                        + where + (lock ? " FOR UPDATE OF t" : ""))
                .param("id", id).query(this::map).optional();
    }

    public void updateState(UUID id, TicketState state, UUID workOrderId, Instant now) {
        jdbc.sql("""
                UPDATE ticket SET state = :state, work_order_id = COALESCE(:workOrder, work_order_id),
                    version = version + 1, updated_at = :at WHERE id = :id
                """)
                .param("id", id).param("state", state.name()).param("workOrder", workOrderId).param("at", utc(now)).update();
    }

    public void recordHistory(UUID ticketId, Instant at, String actor, String action, TicketState from, TicketState to,
                              String detail) {
        jdbc.sql("""
                INSERT INTO ticket_history (ticket_id, at, actor, action, from_state, to_state, detail)
                VALUES (:ticket, :at, :actor, :action, :from, :to, :detail)
                """)
                .param("ticket", ticketId).param("at", utc(at)).param("actor", actor).param("action", action)
                .param("from", from == null ? null : from.name()).param("to", to == null ? null : to.name())
                .param("detail", detail).update();
    }

    private Ticket map(ResultSet rs, int row) throws SQLException {
        String entitlement = rs.getString("entitlement");
        return new Ticket(rs.getObject("id", UUID.class), rs.getString("number"), rs.getObject("customer_id", UUID.class),
                rs.getString("customer_region"), rs.getString("product_model"), rs.getString("product_line"),
                rs.getString("serial_number"), rs.getObject("ship_date", java.time.LocalDate.class),
                rs.getObject("reported_on", java.time.LocalDate.class), rs.getString("fault_description"),
                Channel.valueOf(rs.getString("channel")), ServiceType.valueOf(rs.getString("service_type")),
                Priority.valueOf(rs.getString("priority")),
                entitlement == null ? null : Entitlement.valueOf(entitlement), rs.getBoolean("quality_must_report"),
                json.readValue(rs.getString("expected_parts"), PARTS), TicketState.valueOf(rs.getString("state")),
                rs.getObject("work_order_id", UUID.class), rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
