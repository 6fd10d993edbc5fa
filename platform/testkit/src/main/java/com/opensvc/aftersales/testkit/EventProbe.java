package com.opensvc.aftersales.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads topics from their current end, so a test sees the events its own actions caused. Not a consumer
 * group: it assigns every partition and never commits.
 */
public final class EventProbe implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new CopyOnWriteArrayList<>();

    public EventProbe(String bootstrapServers, String... topics) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> consumer.partitionsFor(topic), p -> p != null && !p.isEmpty());
            infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Waits until a record matching {@code match} arrived, and returns it. */
    public synchronized ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (ConsumerRecord<String, String> record : seen) {
                if (match.test(record)) {
                    return record;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching event within " + timeout + "; saw " + seen.size() + " events: "
                        + seen.stream().map(r -> header(r, "ce_type") + " key=" + r.key()).toList());
            }
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        }
    }

    public ConsumerRecord<String, String> awaitType(String eventType, String key, Duration timeout) {
        return await(r -> eventType(r).equals(eventType) && (key == null || key.equals(r.key())), timeout);
    }

    /** Everything seen so far after polling for {@code quiet} more. */
    public synchronized List<ConsumerRecord<String, String>> drain(Duration quiet) {
        long end = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < end) {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** "TicketAccepted" from ce_type "com.opensvc.aftersales.TicketAccepted.v1". */
    public static String eventType(ConsumerRecord<?, ?> record) {
        String type = header(record, "ce_type");
        if (type == null) {
            return "";
        }
        String rest = type.substring(type.lastIndexOf('.', type.lastIndexOf(".v") - 1) + 1);
        return rest.substring(0, rest.lastIndexOf(".v"));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
