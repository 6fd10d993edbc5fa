package com.opensvc.aftersales.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * P1's ceiling: the register transaction's writes alone, as pgbench would run them — one connection per client,
 * prepared statements, each transaction inserting a ticket row and an outbox row and deleting the outbox row (what
 * {@code OutboxWriter} does: Debezium reads the insert from the WAL) and committing — on the platform's own
 * PostgreSQL and intake's own database, in the same run as the HTTP figure.
 * <p>
 * The rows go to copies of intake's tables in a schema {@code bench} ({@code CREATE TABLE … (LIKE … INCLUDING ALL)}:
 * the same columns, defaults, checks and indexes; no foreign keys), dropped afterwards: the platform's data and its
 * outbox publication (FOR TABLE public.outbox) stay untouched, so no fake event reaches Kafka. The ticket's values are
 * a copy of a ticket the HTTP run registered, so rows and index entries have the real sizes; the outbox payload is a
 * TicketRegistered of the same shape.
 */
final class RegisterTransactionCeiling {
    private RegisterTransactionCeiling() {
    }

    /**
     * @param withNumberCounter also take the next ticket number the way intake did before issue 18 (an upsert of the
     *                          year's row of a {@code ticket_number_counter}, held until commit): the diagnostic
     *                          variant that shows what serialising every registration on one row costs the database
     *                          alone
     */
    static ClosedLoop.Result run(PlatformProcess platform, int clients, Duration warmUp, Duration measured,
                                 boolean withNumberCounter) throws Exception {
        List<String> columns = new ArrayList<>();
        List<Object> template = new ArrayList<>();
        try (Connection c = platform.database("intake"); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS bench CASCADE");
            s.execute("CREATE SCHEMA bench");
            s.execute("CREATE TABLE bench.ticket (LIKE public.ticket INCLUDING ALL)");
            s.execute("CREATE TABLE bench.outbox (LIKE public.outbox INCLUDING ALL)");
            s.execute("CREATE TABLE bench.ticket_number_counter (year int PRIMARY KEY, last int NOT NULL)");
            try (ResultSet rs = s.executeQuery("""
                    SELECT column_name FROM information_schema.columns
                     WHERE table_schema = 'public' AND table_name = 'ticket' AND is_generated = 'NEVER'
                     ORDER BY ordinal_position""")) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT " + String.join(", ", columns)
                    + " FROM public.ticket ORDER BY created_at DESC LIMIT 1")) {
                if (!rs.next()) {
                    throw new IllegalStateException("no registered ticket to copy: run the HTTP part first");
                }
                for (int i = 1; i <= columns.size(); i++) {
                    template.add(rs.getObject(i));
                }
            }
        }
        String insertTicket = "INSERT INTO bench.ticket (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(col -> "?").toList()) + ")";
        int idColumn = columns.indexOf("id");
        int numberColumn = columns.indexOf("number");
        int serialColumn = columns.indexOf("serial_number");
        List<Connection> connections = new ArrayList<>();
        try {
            List<PreparedStatement[]> statements = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Connection c = platform.database("intake");
                c.setAutoCommit(false);
                connections.add(c);
                statements.add(new PreparedStatement[] {
                        c.prepareStatement(insertTicket),
                        c.prepareStatement("""
                                INSERT INTO bench.outbox (id, aggregatetype, aggregateid, type, payload, ce_source,
                                                          ce_specversion, ce_time, ce_subject, traceparent)
                                VALUES (?, 'intake.ticket', ?, 'TicketRegistered', CAST(? AS jsonb),
                                        '/aftersales/intake', '1.0', ?, ?, ?)"""),
                        c.prepareStatement("DELETE FROM bench.outbox WHERE id = ?"),
                        c.prepareStatement("""
                                INSERT INTO bench.ticket_number_counter (year, last)
                                VALUES (CAST(EXTRACT(YEAR FROM CURRENT_DATE) AS int), 1)
                                ON CONFLICT (year) DO UPDATE SET last = bench.ticket_number_counter.last + 1
                                RETURNING last""")});
            }
            return ClosedLoop.run(clients, warmUp, measured, Thread.ofPlatform().name("ceiling-", 0).factory(),
                    (client, sequence) -> {
                        PreparedStatement[] st = statements.get(client);
                        if (withNumberCounter) {
                            try (ResultSet next = st[3].executeQuery()) {
                                next.next();
                            }
                        }
                        UUID ticket = UUID.randomUUID();
                        String number = "B-" + sequence;
                        for (int i = 0; i < template.size(); i++) {
                            Object value = i == idColumn ? ticket : i == numberColumn ? number
                                    : i == serialColumn ? "SN-BENCH-C" + sequence : template.get(i);
                            st[0].setObject(i + 1, value);
                        }
                        st[0].executeUpdate();
                        UUID event = UUID.randomUUID();
                        st[1].setObject(1, event);
                        st[1].setString(2, ticket.toString());
                        st[1].setString(3, payload(ticket, number));
                        st[1].setString(4, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
                        st[1].setString(5, ticket.toString());
                        st[1].setString(6, "00-" + UUID.randomUUID().toString().replace("-", "") + "-"
                                + String.format("%016x", ThreadLocalRandom.current().nextLong()) + "-01");
                        st[1].executeUpdate();
                        st[2].setObject(1, event);
                        st[2].executeUpdate();
                        connections.get(client).commit();
                        return ClosedLoop.OK;
                    });
        } finally {
            for (Connection c : connections) {
                c.rollback();
                c.close();
            }
            try (Connection c = platform.database("intake"); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA bench CASCADE");
            }
        }
    }

    /** A TicketRegistered payload of the published shape (its JSON Schema's example, this ticket's ids). */
    private static String payload(UUID ticket, String number) {
        return """
                {"ticketId": "%s", "ticketNumber": "%s", "channel": "PHONE", "serviceType": "ON_SITE",
                 "productModel": "AC-3200", "productLine": "AIR_CONDITIONER", "entitlement": "RETURN",
                 "actor": "front-desk", "occurredAt": "%s", "kind": "SERVICE_REQUEST", "category": "REPAIR",
                 "priority": "NORMAL", "routedTo": "AFTER_SALES", "customerBlocked": false,
                 "possibleDuplicateOf": [], "complaintSubjects": []}""".formatted(ticket, number, Instant.now());
    }
}
