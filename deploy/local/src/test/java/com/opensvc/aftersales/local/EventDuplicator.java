package com.opensvc.aftersales.local;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Delivers a share of the platform's events twice (issue 18): each pass reads what the relays published since the
 * last pass and publishes the chosen events again onto the same topic and partition, byte for byte — key, value and
 * every header, the CloudEvent id included — so that every consumer group reads them a second time. The share is
 * chosen by the event id, so a pass never picks a copy of an event it already doubled.
 */
final class EventDuplicator {
    private final String bootstrapServers;
    private final int percent;
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final Set<String> duplicated = new HashSet<>();

    EventDuplicator(String bootstrapServers, int percent) {
        this.bootstrapServers = bootstrapServers;
        this.percent = percent;
    }

    /** The platform's event topics: {@code aftersales.*}, not the dead-letter topics. */
    static boolean isEventTopic(String topic) {
        return topic.startsWith("aftersales.") && !topic.endsWith(".DLT");
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Reads everything published since the last pass and doubles the share; returns how many it doubled. */
    int pass() throws Exception {
        int sent = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                     ProducerConfig.CLIENT_ID_CONFIG, "fault-harness-duplicator",
                     ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Map.Entry<String, List<PartitionInfo>> topic : consumer.listTopics(Duration.ofSeconds(30)).entrySet()) {
                if (isEventTopic(topic.getKey())) {
                    topic.getValue().forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, positions.getOrDefault(partition, 0L));
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!reached(consumer, partitions, ends) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= ends.get(partition)) {
                        continue;
                    }
                    String id = header(record, "ce_id");
                    if (id != null && chosen(id) && duplicated.add(id)) {
                        acks.add(producer.send(new ProducerRecord<>(record.topic(), record.partition(), record.timestamp(),
                                record.key(), record.value(), record.headers())));
                        sent++;
                    }
                }
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(2, TimeUnit.MINUTES);
            }
            // the copies this pass appended lie past the recorded end; they are skipped next time by their ids
            positions.putAll(ends);
        }
        return sent;
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
                                   Map<TopicPartition, Long> ends) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < ends.get(partition)) {
                return false;
            }
        }
        return true;
    }

    private boolean chosen(String eventId) {
        return Math.floorMod(eventId.hashCode(), 100) < percent;
    }

    /** The ids of every event delivered twice so far. */
    Set<String> duplicatedIds() {
        return Set.copyOf(duplicated);
    }

    static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
