package com.opensvc.aftersales.messaging.ops;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;

import com.opensvc.aftersales.messaging.CloudEventHeaders;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Relay lag, measured where every record arrives: the record's Kafka timestamp (set when Debezium's producer sent it,
 * i.e. when the relay published the outbox row) minus its {@code ce_time} header (when the service wrote the outbox
 * row, from its {@code Clock}). A record without {@code ce_time}, with a timestamp before it (clocks apart) or a
 * dead letter is not measured. Installed on every consumer of the service's consumer factory; each group measures the
 * records it reads ({@value MessagingMetrics#RELAY_LAG}, tags topic and consumer).
 */
public class RelayLagInterceptor implements ConsumerInterceptor<Object, Object> {
    /** Consumer config key carrying the {@link MeterRegistry} (Kafka hands non-string config values through). */
    public static final String REGISTRY = "aftersales.messaging.meter-registry";

    private MeterRegistry registry;
    private String group;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    @Override
    public void configure(Map<String, ?> configs) {
        Object value = configs.get(REGISTRY);
        this.registry = value instanceof MeterRegistry meters ? meters : null;
        Object groupId = configs.get(ConsumerConfig.GROUP_ID_CONFIG);
        this.group = groupId == null ? "none" : groupId.toString();
    }

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        if (registry == null) {
            return records;
        }
        for (ConsumerRecord<Object, Object> record : records) {
            measure(record);
        }
        return records;
    }

    private void measure(ConsumerRecord<Object, Object> record) {
        Header time = record.headers().lastHeader(CloudEventHeaders.TIME);
        if (time == null || time.value() == null || record.timestampType() == TimestampType.NO_TIMESTAMP_TYPE
                || record.topic().endsWith(".DLT")) {
            return;
        }
        Instant written;
        try {
            written = Instant.parse(new String(time.value(), StandardCharsets.UTF_8));
        } catch (DateTimeParseException e) {
            return;
        }
        long lag = record.timestamp() - written.toEpochMilli();
        if (lag < 0) {
            return;
        }
        timers.computeIfAbsent(record.topic(), topic -> Timer.builder(MessagingMetrics.RELAY_LAG)
                        .description("Outbox insert (ce_time) to the record's Kafka timestamp (published by the relay)")
                        .tags("topic", topic, "consumer", group)
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1))
                        .maximumExpectedValue(Duration.ofMinutes(10))
                        .register(registry))
                .record(Duration.ofMillis(lag));
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    @Override
    public void close() {
    }
}
