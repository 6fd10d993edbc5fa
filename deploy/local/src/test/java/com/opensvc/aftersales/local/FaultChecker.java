package com.opensvc.aftersales.local;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import com.opensvc.aftersales.messaging.CloudEventHeaders;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18's checker: after the harness's tickets are done and every consumer group has read everything, reads every
 * service database and every topic and counts what must not exist — a ticket lost or stuck, an acceptance without
 * exactly one work order, a repair without exactly one defect record and one revisit decision, negative stock, a
 * ledger that does not sum to the stock, an effect applied twice, an event in a dead-letter topic. Each count is
 * compared with zero, so each can fail.
 */
final class FaultChecker {
    /** One line of the report: what was counted, how many, and whether that is what the platform promises. */
    record Invariant(String name, long checked, long count, boolean pass) {
    }

    record Topics(long records, long distinct, long deadLetters, long deadLetterTopics, Map<String, JsonNode> accepted,
                  Map<String, Set<String>> repairsClosed, Map<String, JsonNode> repairPayloads) {
    }

    private static final Set<String> DISPATCHED = Set.of("ON_SITE", "CARRY_IN", "INSTALLATION");
    private final FaultPlatform platform;
    private final JsonMapper json = JsonMapper.builder().build();

    FaultChecker(FaultPlatform platform) {
        this.platform = platform;
    }

    /** Waits until every consumer group has committed the end of every partition it reads; the lag left. */
    private int groups;

    /** How many consumer groups the last drain looked at. */
    int groups() {
        return groups;
    }

    long drain(Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        long lag;
        do {
            lag = lag();
            if (lag == 0) {
                return 0;
            }
            Thread.sleep(2_000);
        } while (System.nanoTime() < deadline);
        return lag;
    }

    private long lag() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", platform.bootstrapServers()))) {
            long lag = 0;
            Collection<ConsumerGroupListing> listed = admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS);
            groups = listed.size();
            for (ConsumerGroupListing group : listed) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Set<String> topics = new HashSet<>();
                committed.keySet().forEach(p -> topics.add(p.topic()));
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((topic, description) ->
                        description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()),
                                OffsetSpec.latest())));
                var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
                for (var end : ends.entrySet()) {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    lag += Math.max(0, end.getValue().offset() - (at == null ? 0 : at.offset()));
                }
            }
            return lag;
        }
    }

    /** Every record of every event topic, and the dead-letter topics' count. */
    Topics readTopics() throws Exception {
        long records = 0;
        long deadLetters = 0;
        Set<String> deadLetterTopics = new HashSet<>();
        Set<String> ids = new HashSet<>();
        Map<String, JsonNode> accepted = new LinkedHashMap<>();
        Map<String, Set<String>> repairsClosed = new LinkedHashMap<>();
        Map<String, JsonNode> repairPayloads = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = EventDuplicator.consumer(platform.bootstrapServers())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Map.Entry<String, List<PartitionInfo>> topic : consumer.listTopics(Duration.ofSeconds(30)).entrySet()) {
                if (topic.getKey().endsWith(".DLT")) {
                    deadLetterTopics.add(topic.getKey());
                }
                if (topic.getKey().startsWith("aftersales.")) {
                    topic.getValue().forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (!done(consumer, partitions, ends) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.topic().endsWith(".DLT")) {
                        deadLetters++;
                        continue;
                    }
                    records++;
                    String id = EventDuplicator.header(record, "ce_id");
                    if (id == null || !ids.add(id)) {
                        continue;
                    }
                    String type = CloudEventHeaders.eventTypeOf(EventDuplicator.header(record, "ce_type"));
                    if ("TicketAccepted".equals(type)) {
                        accepted.put(id, payload(record));
                    } else if ("RepairClosed".equals(type)) {
                        JsonNode payload = payload(record);
                        String workOrder = payload.path("workOrderId").asString();
                        repairsClosed.computeIfAbsent(workOrder, w -> new HashSet<>()).add(id);
                        repairPayloads.put(workOrder, payload);
                    }
                }
            }
        }
        return new Topics(records, ids.size(), deadLetters, deadLetterTopics.size(), accepted, repairsClosed, repairPayloads);
    }

    private JsonNode payload(ConsumerRecord<byte[], byte[]> record) {
        JsonNode node = json.readTree(new String(record.value(), StandardCharsets.UTF_8));
        // the outbox payload may arrive as a JSON document in a JSON string
        return node.isString() ? json.readTree(node.asString()) : node;
    }

    private static boolean done(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
                                Map<TopicPartition, Long> ends) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < ends.get(partition)) {
                return false;
            }
        }
        return true;
    }

    /** Every invariant, counted over the harness's tickets (the demo data's own rows are left out). */
    List<Invariant> check(Collection<UUID> tickets, Set<String> terminal, long lagLeft, Topics topics) throws SQLException {
        List<Invariant> out = new ArrayList<>();
        out.add(zero("consumer lag left after the drain (events never consumed; checked: consumer groups)", groups,
                lagLeft));
        out.add(zero("events in dead-letter topics (.DLT; checked: the event topics' records)", topics.records(),
                topics.deadLetters()));
        try (Connection intake = platform.database("intake")) {
            out.add(zero("tickets lost (registered, not in intake's database)", tickets.size(), tickets.size()
                    - count(intake, "SELECT count(*) FROM ticket WHERE id = ANY(?)", uuids(intake, tickets))));
            out.add(zero("tickets stuck (not in a terminal state)", tickets.size(), count(intake,
                    "SELECT count(*) FROM ticket WHERE id = ANY(?) AND NOT state = ANY(?)", uuids(intake, tickets),
                    intake.createArrayOf("text", terminal.toArray()))));
        }
        Set<String> ticketIds = new HashSet<>();
        tickets.forEach(t -> ticketIds.add(t.toString()));
        List<UUID> acceptances = new ArrayList<>();
        topics.accepted().forEach((id, payload) -> {
            if (ticketIds.contains(payload.path("ticketId").asString())
                    && DISPATCHED.contains(payload.path("serviceType").asString())) {
                acceptances.add(UUID.fromString(id));
            }
        });
        try (Connection dispatch = platform.database("dispatch")) {
            Map<String, Long> perAcceptance = grouped(dispatch, "SELECT acceptance_event_id::text, count(*) FROM work_order "
                    + "WHERE acceptance_event_id = ANY(?) GROUP BY 1", uuids(dispatch, acceptances));
            out.add(zero("acceptances (TicketAccepted) without exactly one work order", acceptances.size(),
                    acceptances.stream().filter(a -> perAcceptance.getOrDefault(a.toString(), 0L) != 1).count()));
            out.add(zero("work orders of the tickets opened by no acceptance", count(dispatch,
                    "SELECT count(*) FROM work_order WHERE ticket_id = ANY(?)", uuids(dispatch, tickets)), count(dispatch,
                    "SELECT count(*) FROM work_order WHERE ticket_id = ANY(?) AND (acceptance_event_id IS NULL "
                            + "OR NOT acceptance_event_id = ANY(?))", uuids(dispatch, tickets), uuids(dispatch, acceptances))));
        }
        List<UUID> repairs = new ArrayList<>();
        List<UUID> withCause = new ArrayList<>();
        topics.repairPayloads().forEach((workOrder, payload) -> {
            if (ticketIds.contains(payload.path("ticketId").asString())) {
                repairs.add(UUID.fromString(workOrder));
                if (!payload.path("causeCode").asString("").isBlank()) {
                    withCause.add(UUID.fromString(workOrder));
                }
            }
        });
        out.add(zero("repairs closed (RepairClosed) more than once", repairs.size(), topics.repairsClosed().entrySet().stream()
                .filter(e -> repairs.contains(UUID.fromString(e.getKey())) && e.getValue().size() > 1).count()));
        try (Connection quality = platform.database("quality")) {
            Map<String, Long> defects = grouped(quality, "SELECT work_order_id::text, count(*) FROM defect "
                    + "WHERE source = 'REPAIR_CLOSED' AND work_order_id = ANY(?) GROUP BY 1", uuids(quality, withCause));
            out.add(zero("repairs with a cause code without exactly one defect record", withCause.size(),
                    withCause.stream().filter(w -> defects.getOrDefault(w.toString(), 0L) != 1).count()));
        }
        try (Connection revisit = platform.database("revisit")) {
            Map<String, Long> decisions = grouped(revisit, "SELECT work_order_id::text, count(*) FROM revisit_decision "
                    + "WHERE work_order_id = ANY(?) GROUP BY 1", uuids(revisit, repairs));
            out.add(zero("repairs without exactly one revisit decision", repairs.size(),
                    repairs.stream().filter(w -> decisions.getOrDefault(w.toString(), 0L) != 1).count()));
            out.add(zero("repairs with more than one happy call", repairs.size(), count(revisit, "SELECT count(*) FROM (SELECT work_order_id "
                    + "FROM revisit WHERE kind = 'HAPPY_CALL' AND work_order_id = ANY(?) GROUP BY 1 HAVING count(*) > 1) d",
                    uuids(revisit, repairs))));
        }
        try (Connection parts = platform.database("parts")) {
            long stock = count(parts, "SELECT count(*) FROM stock");
            out.add(zero("stock rows below zero (on hand or reserved)", stock,
                    count(parts, "SELECT count(*) FROM stock WHERE on_hand < 0 OR reserved < 0")));
            out.add(zero("stock rows whose ledger (movements in - out) differs from on hand", stock, count(parts, """
                    SELECT count(*) FROM stock s
                      LEFT JOIN (SELECT to_location AS location, part_number, sum(quantity) AS total FROM movement
                                  WHERE to_location IS NOT NULL GROUP BY 1, 2) i
                        ON i.location = s.location AND i.part_number = s.part_number
                      LEFT JOIN (SELECT from_location AS location, part_number, sum(quantity) AS total FROM movement
                                  WHERE from_location IS NOT NULL GROUP BY 1, 2) o
                        ON o.location = s.location AND o.part_number = s.part_number
                     WHERE s.on_hand <> coalesce(i.total, 0) - coalesce(o.total, 0)""")));
            out.add(zero("loans written off other than exactly once", count(parts,
                    "SELECT count(*) FROM loan"), count(parts, """
                    SELECT count(*) FROM (SELECT work_order_id, part_number, sum(quantity) AS loaned FROM loan
                                           WHERE status = 'CONSUMED_UNDER_WARRANTY' GROUP BY 1, 2) l
                      LEFT JOIN (SELECT work_order_id, part_number, sum(quantity) AS consumed FROM movement
                                  WHERE reason = 'CONSUMED_UNDER_WARRANTY' GROUP BY 1, 2) m
                        ON m.work_order_id = l.work_order_id AND m.part_number = l.part_number
                     WHERE l.loaned <> coalesce(m.consumed, 0)""")));
        }
        return out;
    }

    /** How many of the doubled events each service's inbox recorded (each once: the copy was skipped). */
    long inboxRowsOf(Collection<String> eventIds) throws SQLException {
        long rows = 0;
        List<UUID> ids = eventIds.stream().map(UUID::fromString).toList();
        for (String service : PlatformApplications.SERVICES) {
            try (Connection db = platform.database(service)) {
                rows += count(db, "SELECT count(*) FROM processed_event WHERE event_id = ANY(?)", uuids(db, ids));
            }
        }
        return rows;
    }

    /** None found, among {@code checked} things looked at: a check over nothing fails (it would prove nothing). */
    private static Invariant zero(String name, long checked, long count) {
        return new Invariant(name, checked, count, count == 0 && checked > 0);
    }

    private static Array uuids(Connection db, Collection<UUID> ids) throws SQLException {
        return db.createArrayOf("uuid", ids.toArray());
    }

    private static long count(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Map<String, Long> grouped(Connection db, String sql, Object... params) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }
}
