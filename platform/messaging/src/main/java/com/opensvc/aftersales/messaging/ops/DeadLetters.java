package com.opensvc.aftersales.messaging.ops;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

import com.opensvc.aftersales.messaging.CloudEventHeaders;
import com.opensvc.aftersales.messaging.MessagingAutoConfiguration;

/**
 * The dead letters of the topics a service consumes ({@code <topic>.DLT}) and their replay (issue 16): a chosen record
 * is re-published to its original topic and partition with its key, value and CloudEvent headers, and the replay is
 * audited in {@code dead_letter_replay}. The event id is kept, so a consumer group that had handled the event skips it
 * (its inbox, EVT-04) and replaying the same dead letter twice has its effect once.
 */
public class DeadLetters {
    private static final String DLT_HEADER_PREFIX = "kafka_dlt-";
    /** Marks a replayed record: the dead letter it came from ({@code <dlt topic>/<partition>/<offset>}). */
    public static final String REPLAYED_FROM = "aftersales_replayed_from";

    private final Map<String, Object> consumerConfig;
    private final KafkaTemplate<Object, Object> template;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final List<String> consumedTopics;
    private final MessagingMetrics metrics;
    private final Duration timeout;

    public DeadLetters(Map<String, Object> consumerConfig, KafkaTemplate<Object, Object> template, JdbcClient jdbc,
                       Clock clock, List<String> consumedTopics, MessagingMetrics metrics, Duration timeout) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG);
        config.remove(ConsumerConfig.CLIENT_ID_CONFIG);
        // the listeners' fetch wait may be long (deploy/local: 2 s, issue 18 idle); this reader switches partitions and
        // would wait that long for each empty fetch still in flight: Kafka's default
        config.remove(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        this.consumerConfig = Map.copyOf(config);
        this.template = template;
        this.jdbc = jdbc;
        this.clock = clock;
        this.consumedTopics = List.copyOf(consumedTopics);
        this.metrics = metrics;
        this.timeout = timeout;
    }

    /** The dead-letter topics of this service: one per consumed topic. */
    public List<String> topics() {
        return consumedTopics.stream().map(topic -> topic + MessagingAutoConfiguration.DLT_SUFFIX).toList();
    }

    /** The newest {@code limit} records of each partition of the dead-letter topics ({@code topic} only if given). */
    public List<DeadLetter> list(String onlyTopic, int limit) {
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            for (String topic : topics()) {
                if (onlyTopic != null && !onlyTopic.equals(topic)) {
                    continue;
                }
                List<TopicPartition> partitions = partitions(consumer, topic);
                if (partitions.isEmpty()) {
                    continue;
                }
                consumer.assign(partitions);
                Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
                List<TopicPartition> pending = new ArrayList<>();
                for (TopicPartition partition : partitions) {
                    long from = Math.max(begin.get(partition), end.get(partition) - limit);
                    if (from < end.get(partition)) {
                        consumer.seek(partition, from);
                        pending.add(partition);
                    }
                }
                consumer.assign(pending);
                long deadline = System.nanoTime() + timeout.toNanos();
                while (!pending.isEmpty() && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        letters.add(letter(record));
                    }
                    pending.removeIf(partition -> consumer.position(partition) >= end.get(partition));
                }
            }
        }
        letters.sort(Comparator.comparing(DeadLetter::deadLetterTopic).thenComparing(DeadLetter::partition)
                .thenComparing(DeadLetter::offset));
        return letters;
    }

    /** The dead letter at that place, if there is one. */
    public Optional<DeadLetter> find(String topic, int partition, long offset) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            return read(consumer, topic, partition, offset).map(this::letter);
        }
    }

    /**
     * Re-publishes the dead letter at {@code topic}/{@code partition}/{@code offset} to its original topic and partition
     * and records who did it, when and why; empty if there is no such record. The audit row is written once the broker
     * has the record (a failed send leaves no row).
     */
    public Optional<Replay> replay(String topic, int partition, long offset, String actor, String reason) {
        ConsumerRecord<String, String> record;
        try (KafkaConsumer<String, String> consumer = consumer()) {
            Optional<ConsumerRecord<String, String>> found = read(consumer, topic, partition, offset);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            record = found.get();
        }
        DeadLetter letter = letter(record);
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DLT_HEADER_PREFIX) && !header.key().equals(MessagingMetrics.EXCEPTION_TYPE_HEADER)) {
                headers.add(header);
            }
        }
        headers.add(REPLAYED_FROM, (topic + "/" + partition + "/" + offset).getBytes(StandardCharsets.UTF_8));
        try {
            template.send(new ProducerRecord<>(letter.topic(), letter.originalPartition(), record.key(),
                    record.value(), headers)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while re-publishing a dead letter", e);
        } catch (Exception e) {
            throw new IllegalStateException("the dead letter could not be re-published", e);
        }
        Replay replay = new Replay(UUID.randomUUID(), topic, partition, offset, letter.topic(),
                letter.originalPartition(), letter.eventId(), letter.eventType(), letter.consumerGroup(), actor,
                clock.instant(), reason);
        jdbc.sql("""
                        INSERT INTO dead_letter_replay (id, dead_letter_topic, dead_letter_part, dead_letter_offset, topic,
                            topic_partition, event_id, event_type, consumer_group, replayed_by, replayed_at, reason)
                        VALUES (:id, :dltTopic, :dltPartition, :dltOffset, :topic, :partition, :eventId, :eventType,
                            :group, :actor, :at, :reason)
                        """)
                .param("id", replay.id())
                .param("dltTopic", topic)
                .param("dltPartition", partition)
                .param("dltOffset", offset)
                .param("topic", replay.topic())
                .param("partition", replay.partition())
                .param("eventId", replay.eventId())
                .param("eventType", replay.eventType())
                .param("group", replay.consumerGroup())
                .param("actor", actor)
                .param("at", OffsetDateTime.ofInstant(replay.replayedAt(), ZoneOffset.UTC))
                .param("reason", reason)
                .update();
        metrics.replayed(replay.topic());
        return Optional.of(replay);
    }

    /** The audited replays of one dead letter, oldest first. */
    public List<Replay> replays(String topic, int partition, long offset) {
        return jdbc.sql("""
                        SELECT * FROM dead_letter_replay
                        WHERE dead_letter_topic = :topic AND dead_letter_part = :partition AND dead_letter_offset = :offset
                        ORDER BY replayed_at, id
                        """)
                .param("topic", topic).param("partition", partition).param("offset", offset)
                .query((rs, row) -> new Replay(rs.getObject("id", UUID.class), rs.getString("dead_letter_topic"),
                        rs.getInt("dead_letter_part"), rs.getLong("dead_letter_offset"), rs.getString("topic"),
                        rs.getInt("topic_partition"), rs.getString("event_id"), rs.getString("event_type"),
                        rs.getString("consumer_group"), rs.getString("replayed_by"),
                        rs.getObject("replayed_at", OffsetDateTime.class).toInstant(), rs.getString("reason")))
                .list();
    }

    private Optional<ConsumerRecord<String, String>> read(KafkaConsumer<String, String> consumer, String topic,
                                                          int partition, long offset) {
        TopicPartition place = new TopicPartition(topic, partition);
        if (!partitions(consumer, topic).contains(place)) {
            return Optional.empty();
        }
        List<TopicPartition> one = List.of(place);
        consumer.assign(one);
        if (offset < consumer.beginningOffsets(one, timeout).get(place)
                || offset >= consumer.endOffsets(one, timeout).get(place)) {
            return Optional.empty();
        }
        consumer.seek(place, offset);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() == offset) {
                    return Optional.of(record);
                }
                if (record.offset() > offset) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        return infos == null ? List.of()
                : infos.stream().map(info -> new TopicPartition(topic, info.partition()))
                        .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(consumerConfig);
    }

    private DeadLetter letter(ConsumerRecord<String, String> record) {
        String originalTopic = header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        if (originalTopic == null) {
            originalTopic = record.topic().substring(0,
                    record.topic().length() - MessagingAutoConfiguration.DLT_SUFFIX.length());
        }
        Integer originalPartition = intHeader(record, KafkaHeaders.DLT_ORIGINAL_PARTITION);
        Long originalOffset = longHeader(record, KafkaHeaders.DLT_ORIGINAL_OFFSET);
        String type = header(record, CloudEventHeaders.TYPE);
        return new DeadLetter(record.topic(), record.partition(), record.offset(), originalTopic,
                originalPartition == null ? record.partition() : originalPartition, originalOffset,
                header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP), header(record, CloudEventHeaders.ID),
                type == null ? null : CloudEventHeaders.eventTypeOf(type), record.key(),
                Instant.ofEpochMilli(record.timestamp()), exception(record));
    }

    /** The handler's exception type: the cause where the container wrapped it (ListenerExecutionFailedException). */
    private static String exception(ConsumerRecord<?, ?> record) {
        String handlerException = header(record, MessagingMetrics.EXCEPTION_TYPE_HEADER);
        if (handlerException != null) {
            return handlerException;
        }
        String exception = header(record, KafkaHeaders.DLT_EXCEPTION_FQCN);
        String cause = header(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
        return cause != null && (exception == null || exception.startsWith("org.springframework.kafka.")) ? cause
                : exception;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Spring Kafka writes the original partition as a 4-byte and the offset as an 8-byte big-endian number. */
    private static Integer intHeader(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null || header.value().length != 4 ? null
                : java.nio.ByteBuffer.wrap(header.value()).getInt();
    }

    private static Long longHeader(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null || header.value().length != 8 ? null
                : java.nio.ByteBuffer.wrap(header.value()).getLong();
    }

    /**
     * One dead letter. Neither its payload nor the exception's message is shown: either can quote a customer's phone
     * or address (SEC-04); the handler's exception type says what failed.
     */
    public record DeadLetter(String deadLetterTopic, int partition, long offset, String topic, int originalPartition,
                             Long originalOffset, String consumerGroup, String eventId, String eventType, String key,
                             Instant deadLetteredAt, String exception) {
    }

    /** One audited replay. */
    public record Replay(UUID id, String deadLetterTopic, int deadLetterPartition, long deadLetterOffset, String topic,
                         int partition, String eventId, String eventType, String consumerGroup, String replayedBy,
                         Instant replayedAt, String reason) {
    }
}
