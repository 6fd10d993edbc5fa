package com.opensvc.aftersales.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.embedded.KafkaServer;

/**
 * Issue 18, recovery after a crash, with the broker staying up (a service's pod killed, Kafka elsewhere): a listener
 * dies without leaving its group ({@code REMAIN_IN_GROUP}, what kill -9 leaves behind) and its replacement joins the
 * same group; the time until the replacement has the partitions, for Kafka's defaults and for
 * {@code aftersales.messaging.group.*}. On demand:
 * {@code ./mvnw -pl deploy/local -am test -Dtest=ConsumerRecoveryBenchmark -Dtest.excludedGroups=none
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
class ConsumerRecoveryBenchmark {
    private static KafkaServer kafka;
    private static Path work;

    @BeforeAll
    static void startKafka() throws Exception {
        work = Files.createTempDirectory("recovery-benchmark");
        kafka = KafkaServer.start(work.resolve("kafka"), freePort(), freePort(), 3);
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    @DisplayName("issue 18 recovery: a crashed listener's partitions come back after the session (dynamic) or at once (static)")
    void recovery() throws Exception {
        double defaults = secondsUntilReassigned("kafka-defaults", null, 45_000, 3_000);
        double shortSession = secondsUntilReassigned("short-session", null, 10_000, 3_000);
        double staticMember = secondsUntilReassigned("static-member", "local", 10_000, 3_000);
        System.out.printf("RECOVERY (broker up, listener killed): Kafka defaults (dynamic, 45 s) %.1f s; dynamic, 10 s %.1f s;"
                + " static membership, 10 s %.1f s%n", defaults, shortSession, staticMember);
        assertThat(staticMember).isLessThan(shortSession);
        assertThat(shortSession).isLessThan(defaults);
    }

    private double secondsUntilReassigned(String group, String instanceId, int sessionMs, int heartbeatMs) throws Exception {
        String topic = "recovery." + group;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        KafkaConsumer<String, String> crashed = consumer(group, instanceId, sessionMs, heartbeatMs);
        crashed.subscribe(List.of(topic));
        while (crashed.assignment().size() < 3) {
            crashed.poll(Duration.ofMillis(100));
        }
        crashed.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP)
                .withTimeout(Duration.ZERO));
        long started = System.nanoTime();
        try (KafkaConsumer<String, String> restarted = consumer(group, instanceId, sessionMs, heartbeatMs)) {
            restarted.subscribe(List.of(topic));
            while (restarted.assignment().size() < 3) {
                restarted.poll(Duration.ofMillis(100));
                assertThat(System.nanoTime() - started).isLessThan(Duration.ofSeconds(120).toNanos());
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static KafkaConsumer<String, String> consumer(String group, String instanceId, int sessionMs, int heartbeatMs) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, sessionMs);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, heartbeatMs);
        if (instanceId != null) {
            config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
        }
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
