package com.opensvc.aftersales.messaging.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The operator's meters of the messaging starter (issue 16, {@link MessagingMetrics}): dead letters, relay lag and the
 * consumer-group tag on Kafka's own consumer meters, bound on every consumer of the consumer factory (so on every
 * listener) in place of Spring Boot's binding.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public class MessagingMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MessagingMetrics messagingMetrics(MeterRegistry registry) {
        return new MessagingMetrics(registry);
    }

    /** Every {@code kafka.consumer.*} meter carries its consumer group ({@link GroupTaggedConsumerMetrics}). */
    @Bean
    static BeanPostProcessor groupTaggedConsumerMetrics(ObjectProvider<MeterRegistry> registry) {
        return new GroupTaggedConsumerMetrics.Installer(registry);
    }

    /** Every consumer measures relay lag on the records it reads ({@link RelayLagInterceptor}). */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer relayLagMeasuring(MeterRegistry registry) {
        return factory -> {
            Map<String, Object> configs = factory.getConfigurationProperties();
            List<Object> interceptors = new ArrayList<>();
            Object existing = configs.get(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG);
            if (existing instanceof List<?> list) {
                interceptors.addAll(list);
            } else if (existing instanceof String names && !names.isBlank()) {
                interceptors.addAll(List.of(names.split("\\s*,\\s*")));
            }
            interceptors.add(RelayLagInterceptor.class.getName());
            factory.updateConfigs(Map.of(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG, interceptors,
                    RelayLagInterceptor.REGISTRY, registry));
        };
    }
}
