package com.opensvc.aftersales.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.opensvc.aftersales.local.LifecycleActors.Planned;
import com.opensvc.aftersales.testkit.EmbeddedPlatform;
import com.opensvc.aftersales.testkit.SharedInfrastructure;

import tools.jackson.databind.JsonNode;

/**
 * Every ticket finishes (INT-13): a few hundred tickets over every channel, kind, service type and entitlement window,
 * on the whole embedded platform with the rules' default configuration (the supervisor confirms every assignment,
 * revisit samples 10 %), driven only through the gateway with real tokens by scripted actors — front desk, supervisor,
 * storekeeper, technicians, quality engineer, revisit agent — each working their own queue. Every ticket reaches a
 * terminal state within a bounded wait; afterwards the invariants across the services hold.
 */
@EmbeddedPlatform(services = {"intake", "dispatch", "parts", "quality", "revisit"})
@ExtendWith(RunningPlatform.class)
class LifecycleCompletenessTest {
    private static final int TICKETS = Integer.getInteger("lifecycle.tickets", 240);
    private static final Duration BOUND = Duration.ofMinutes(Integer.getInteger("lifecycle.minutes", 8));
    private static final Set<String> TERMINAL = Set.of("CLOSED", "CANCELLED", "RESOLVED_REMOTELY",
            "DECLINED_PAID_SERVICE", "REJECTED");

    private static LifecycleActors actors;
    private static List<Planned> tickets;
    private static long wallMillis;

    @BeforeAll
    static void runEveryTicketToTheEnd(PlatformClient client) throws Exception {
        actors = new LifecycleActors(client, ZoneId.of("Asia/Shanghai"));
        long started = System.nanoTime();
        tickets = actors.registerAll(plans(new Random(11)));
        actors.workUntilAllTerminal(tickets, TERMINAL, BOUND);
        wallMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.println(table());
    }

    @Test
    @DisplayName("INT-13 REV-01 INT-05 QLT-05 INT-07 PRT-01 DSP-01: every ticket reaches a terminal state within the bound")
    void INT13_everyTicketFinishes() {
        List<String> unfinished = tickets.stream().filter(t -> !TERMINAL.contains(t.finalState()))
                .map(t -> t.path() + " " + t.number() + " stuck in " + t.finalState() + " " + t.notes()).toList();
        assertThat(unfinished).as("tickets that did not finish in %s", BOUND).isEmpty();
        // every planned path ended where its script leads
        for (Planned ticket : tickets) {
            assertThat(ticket.path().expectedEnd()).as(ticket.number() + " " + ticket.path() + " " + ticket.notes())
                    .contains(ticket.finalState());
        }
    }

    @Test
    @DisplayName("DSP-01 exactly one work order per acceptance, a reaccepted ticket's linked to the earlier one")
    void DSP01_oneWorkOrderPerAcceptance() {
        for (Planned ticket : tickets) {
            JsonNode timeline = actors.timeline(ticket.id());
            long acceptances = 0;
            for (JsonNode entry : timeline) {
                if (entry.get("type").asString().equals("ACCEPTED")) {
                    acceptances++;
                }
            }
            JsonNode workOrders = actors.workOrders(ticket.id());
            long dispatched = ticket.path().serviceType().equals("REMOTE") ? 0 : acceptances;
            assertThat((long) workOrders.size()).as(ticket.number() + " " + ticket.path()).isEqualTo(dispatched);
            for (JsonNode workOrder : workOrders) {
                boolean repeat = workOrder.hasNonNull("previousWorkOrderId");
                if (repeat) {
                    assertThat(workOrders.findValuesAsString("id")).contains(workOrder.get("previousWorkOrderId").asString());
                }
            }
        }
    }

    @Test
    @DisplayName("PRT-02 PRT-03 stock never negative, ledger sums equal stock, every loan reconciled exactly once")
    void PRT02_stockAndLedgerAgree() throws Exception {
        SharedInfrastructure infra = SharedInfrastructure.get();
        try (Connection parts = DriverManager.getConnection(infra.jdbcUrl("parts"), infra.user(), infra.password())) {
            assertThat(count(parts, "SELECT count(*) FROM stock WHERE on_hand < 0 OR reserved < 0")).isZero();
            assertThat(rows(parts, """
                    SELECT s.location, s.part_number, s.on_hand, coalesce(i.total, 0) - coalesce(o.total, 0) AS ledger
                      FROM stock s
                      LEFT JOIN (SELECT to_location AS location, part_number, sum(quantity) AS total FROM movement
                                  WHERE to_location IS NOT NULL GROUP BY 1, 2) i
                        ON i.location = s.location AND i.part_number = s.part_number
                      LEFT JOIN (SELECT from_location AS location, part_number, sum(quantity) AS total FROM movement
                                  WHERE from_location IS NOT NULL GROUP BY 1, 2) o
                        ON o.location = s.location AND o.part_number = s.part_number
                     WHERE s.on_hand <> coalesce(i.total, 0) - coalesce(o.total, 0)""")).as("stock rows whose ledger disagrees").isEmpty();
            List<String> completed = actors.completedWorkOrders(tickets);
            assertThat(completed).isNotEmpty();
            String ids = completed.stream().map(id -> "'" + id + "'").collect(java.util.stream.Collectors.joining(","));
            assertThat(rows(parts, "SELECT work_order_id, part_number, status FROM loan WHERE status = 'ON_LOAN' AND "
                    + "work_order_id IN (" + ids + ")")).as("loans of completed work orders never reconciled").isEmpty();
            assertThat(rows(parts, """
                    SELECT l.work_order_id, l.part_number, l.loaned, coalesce(m.consumed, 0) AS consumed
                      FROM (SELECT work_order_id, part_number, sum(quantity) AS loaned FROM loan
                             WHERE status = 'CONSUMED_UNDER_WARRANTY' GROUP BY 1, 2) l
                      LEFT JOIN (SELECT work_order_id, part_number, sum(quantity) AS consumed FROM movement
                                  WHERE reason = 'CONSUMED_UNDER_WARRANTY' GROUP BY 1, 2) m
                        ON m.work_order_id = l.work_order_id AND m.part_number = l.part_number
                     WHERE l.loaned <> coalesce(m.consumed, 0)""")).as("loans written off other than exactly once").isEmpty();
        }
    }

    @Test
    @DisplayName("INT-18 SEC-03 every timeline is in order and every entry names its actor")
    void INT18_timelinesInOrderWithActors() {
        for (Planned ticket : tickets) {
            java.time.Instant previous = java.time.Instant.MIN;
            for (JsonNode entry : actors.timeline(ticket.id())) {
                java.time.Instant at = java.time.Instant.parse(entry.get("at").asString());
                assertThat(at).as(ticket.number() + " timeline order").isAfterOrEqualTo(previous);
                previous = at;
                assertThat(entry.get("actor").asString()).as(ticket.number() + " " + entry).isNotBlank();
            }
        }
    }

    /** How many tickets ended in each terminal state, by planned path; and how often each branch was taken. */
    static String table() {
        Map<String, Map<String, Integer>> byPath = new TreeMap<>();
        Map<String, Integer> branches = new TreeMap<>();
        for (Planned ticket : tickets) {
            byPath.computeIfAbsent(ticket.path().name(), p -> new TreeMap<>()).merge(ticket.finalState(), 1, Integer::sum);
            ticket.branches().forEach(branch -> branches.merge(branch, 1, Integer::sum));
        }
        List<String> states = List.of("CLOSED", "RESOLVED_REMOTELY", "DECLINED_PAID_SERVICE", "REJECTED", "CANCELLED");
        StringBuilder out = new StringBuilder("\nLifecycle completeness: " + tickets.size() + " tickets in "
                + wallMillis / 1000 + " s\n| planned path | " + String.join(" | ", states) + " | not finished |\n|---|"
                + "---|".repeat(states.size() + 1) + "\n");
        byPath.forEach((path, counts) -> {
            out.append("| ").append(path);
            int other = counts.entrySet().stream().filter(e -> !states.contains(e.getKey())).mapToInt(Map.Entry::getValue).sum();
            states.forEach(s -> out.append(" | ").append(counts.getOrDefault(s, 0)));
            out.append(" | ").append(other).append(" |\n");
        });
        out.append("\n| branch taken on the way | tickets |\n|---|---|\n");
        branches.forEach((branch, count) -> out.append("| ").append(branch).append(" | ").append(count).append(" |\n"));
        return out.toString();
    }

    /** A few hundred tickets over every path, channel, kind, service type and entitlement window. */
    private static List<LifecycleActors.Plan> plans(Random random) {
        List<LifecycleActors.Plan> plans = new ArrayList<>();
        LifecycleActors.Path[] paths = LifecycleActors.Path.values();
        String[] channels = {"PHONE", "WEB", "EMAIL", "FAX", "LETTER", "MAIL_IN_ITEM", "WALK_IN", "INSPECTION",
                "INTERNAL_REFERRAL"};
        for (int i = 0; i < TICKETS; i++) {
            LifecycleActors.Path path = paths[i % paths.length];
            String channel = channels[random.nextInt(channels.length)];
            String region = random.nextBoolean() ? "NORTH" : "SOUTH";
            String line = random.nextInt(3) == 0 ? "LAUNDRY" : "AIR_CONDITIONER";
            plans.add(new LifecycleActors.Plan(path, channel, region, line, path.shipDaysAgo(random), i));
        }
        return plans;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Map<String, Object>> rows(Connection db, String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    row.put(rs.getMetaData().getColumnLabel(c), rs.getObject(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    static UUID uuid(JsonNode node) {
        return UUID.fromString(node.asString());
    }
}
