package com.opensvc.aftersales.intake;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import com.opensvc.aftersales.testkit.SharedInfrastructure;

/**
 * Creates topics a test reads before the service has started, tolerating existing ones. Straight through the Kafka
 * admin API: {@code SharedInfrastructure.createTopics} refuses a topic it created before, which would make test
 * classes depend on their order.
 */
public final class Topics {
    private Topics() {
    }

    public static void ensure(String... topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfrastructure.get().bootstrapServers()))) {
            var results = admin.createTopics(Arrays.stream(topics).map(t -> new NewTopic(t, SharedInfrastructure.PARTITIONS, (short) 1)).toList()).values();
            for (var result : results.values()) {
                try {
                    result.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topics " + Arrays.toString(topics), e);
                    }
                }
            }
        }
    }
}
