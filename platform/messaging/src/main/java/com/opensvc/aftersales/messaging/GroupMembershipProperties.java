package com.opensvc.aftersales.messaging;

import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a dead listener keeps its partitions (issue 18, recovery after a crash). Applied to every
 * {@link EventHandlers} listener's consumer, nowhere else (the dead-letter desk's group-less reader stays as it is).
 *
 * @param instanceId        static group membership (Kafka's {@code group.instance.id}): an id that stays the same when
 *                          this replica restarts lets the restarted listener take its partitions back at once instead
 *                          of waiting for the dead member's session to expire. Unique per replica (a second live
 *                          replica with the same id fences the first). Empty (the default): dynamic membership.
 *                          deploy/local sets {@code local}; see docs/decisions.md "Issue 18 / recovery".
 * @param sessionTimeout    Kafka's {@code session.timeout.ms}: a member not heard of for this long is dead and its
 *                          partitions go to the others (Kafka's default is 45 s; the broker allows 6 s–30 min)
 * @param heartbeatInterval Kafka's {@code heartbeat.interval.ms}; shorter than a third of the session timeout
 */
@ConfigurationProperties("aftersales.messaging.group")
public record GroupMembershipProperties(
        @DefaultValue("") String instanceId,
        @DefaultValue("10s") Duration sessionTimeout,
        @DefaultValue("3s") Duration heartbeatInterval) {

    public GroupMembershipProperties {
        instanceId = instanceId == null ? "" : instanceId.strip();
        if (sessionTimeout == null || sessionTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("aftersales.messaging.group.session-timeout must be positive");
        }
        if (heartbeatInterval == null || heartbeatInterval.toMillis() < 1
                || heartbeatInterval.compareTo(sessionTimeout) >= 0) {
            throw new IllegalArgumentException(
                    "aftersales.messaging.group.heartbeat-interval must be positive and shorter than session-timeout");
        }
    }

    /** What every listener's consumer is given on top of the consumer factory's configuration. */
    public Properties consumerProperties() {
        Properties properties = new Properties();
        properties.setProperty(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Long.toString(sessionTimeout.toMillis()));
        properties.setProperty(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Long.toString(heartbeatInterval.toMillis()));
        if (!instanceId.isEmpty()) {
            properties.setProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
        }
        return properties;
    }
}
