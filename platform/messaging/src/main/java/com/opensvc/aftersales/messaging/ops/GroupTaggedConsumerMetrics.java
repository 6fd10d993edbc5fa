package com.opensvc.aftersales.messaging.ops;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.InvalidGroupIdException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;

/**
 * Kafka's own consumer meters ({@code records-lag} per partition among them) with the consumer group as a tag
 * ({@value MessagingMetrics#GROUP_TAG}), bound on every consumer of the consumer factory in place of Spring Boot's
 * {@link MicrometerConsumerListener} (which tags only the client id). The tag is a common tag of the binder, so every
 * meter of a name has the same tag keys (Micrometer's Kafka binder skips meters whose tag count differs).
 */
final class GroupTaggedConsumerMetrics<K, V> implements ConsumerFactory.Listener<K, V> {
    private final MeterRegistry registry;
    private final Map<String, KafkaClientMetrics> bound = new ConcurrentHashMap<>();

    GroupTaggedConsumerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void consumerAdded(String id, Consumer<K, V> consumer) {
        bound.computeIfAbsent(id, key -> {
            KafkaClientMetrics metrics = new KafkaClientMetrics(consumer,
                    List.of(Tag.of("spring.id", id), Tag.of(MessagingMetrics.GROUP_TAG, group(consumer))));
            metrics.bindTo(registry);
            return metrics;
        });
    }

    @Override
    public void consumerRemoved(String id, Consumer<K, V> consumer) {
        KafkaClientMetrics metrics = bound.remove(id);
        if (metrics != null) {
            metrics.close();
        }
    }

    private static String group(Consumer<?, ?> consumer) {
        try {
            String group = consumer.groupMetadata().groupId();
            return group == null || group.isEmpty() ? "none" : group;
        } catch (InvalidGroupIdException | UnsupportedOperationException e) {
            return "none";
        }
    }

    /** Swaps Boot's listener for this one on every {@link DefaultKafkaConsumerFactory} once it is built. */
    static final class Installer implements BeanPostProcessor {
        private final org.springframework.beans.factory.ObjectProvider<MeterRegistry> registry;

        Installer(org.springframework.beans.factory.ObjectProvider<MeterRegistry> registry) {
            this.registry = registry;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof DefaultKafkaConsumerFactory<?, ?> factory) {
                install(factory);
            }
            return bean;
        }

        private <K, V> void install(DefaultKafkaConsumerFactory<K, V> factory) {
            MeterRegistry meters = registry.getIfAvailable();
            if (meters == null) {
                return;
            }
            for (ConsumerFactory.Listener<K, V> listener : List.copyOf(factory.getListeners())) {
                if (listener instanceof MicrometerConsumerListener<K, V>) {
                    factory.removeListener(listener);
                }
            }
            factory.addListener(new GroupTaggedConsumerMetrics<>(meters));
        }
    }
}
