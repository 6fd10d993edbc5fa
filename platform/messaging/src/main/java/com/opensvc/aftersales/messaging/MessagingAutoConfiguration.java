package com.opensvc.aftersales.messaging;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

import com.opensvc.aftersales.idempotency.IdempotencyKeys;
import com.opensvc.aftersales.messaging.ops.MessagingMetrics;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import tools.jackson.databind.json.JsonMapper;

/** Outbox, inbox, dead letters and topics for every service that has a database and Kafka. */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, KafkaAutoConfiguration.class},
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration")
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties({MessagingProperties.class, GroupMembershipProperties.class})
public class MessagingAutoConfiguration {
    public static final String DLT_SUFFIX = ".DLT";

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxWriter outboxWriter(JdbcClient jdbc, JsonMapper json, Clock clock,
                              @Value("${spring.application.name}") String source,
                              ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer spans = tracer.getIfUnique();
        Propagator headers = propagator.getIfUnique();
        return new OutboxWriter(jdbc, json, clock, source, spans == null || headers == null
                ? OutboxTraceContext.UNTRACED : OutboxTraceContext.of(spans, headers));
    }

    /**
     * Every listener container observes its records (issue 16): the listener span continues the trace of the record's
     * {@code traceparent} header, and what the handler writes to the outbox continues it further.
     */
    @Bean
    static BeanPostProcessor observedListenerContainers() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractKafkaListenerContainerFactory<?, ?, ?> factory) {
                    factory.getContainerProperties().setObservationEnabled(true);
                }
                return bean;
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    ProcessedEvents processedEvents(JdbcClient jdbc, Clock clock) {
        return new ProcessedEvents(jdbc, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    InboundEvents inboundEvents(ProcessedEvents processed, JsonMapper json, ObjectProvider<Validator> validator,
                                PlatformTransactionManager transactions) {
        return new InboundEvents(processed, json,
                validator.getIfAvailable(() -> Validation.buildDefaultValidatorFactory().getValidator()),
                new TransactionTemplate(transactions));
    }

    @Bean
    static KafkaListenerConfigurer eventHandlersListeners(ObjectProvider<EventHandlers> tables,
                                                         ObjectProvider<GroupMembershipProperties> membership) {
        return new EventHandlersListeners(tables, membership);
    }

    @Bean
    @ConditionalOnMissingBean
    IdempotencyKeys idempotencyKeys(JdbcClient jdbc, Clock clock) {
        return new IdempotencyKeys(jdbc, clock);
    }

    /** Retries with back-off, then the record goes to {@code <topic>.DLT} with the reason in headers (EVT-05). */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler deadLetteringErrorHandler(KafkaTemplate<Object, Object> template, MessagingProperties properties,
                                                  ObjectProvider<MessagingMetrics> metrics) {
        // DESIGN.md §4 names the partner "<topic>.DLT"; same partition, so a ticket's dead letters stay in order
        var publisher = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(record.topic() + DLT_SUFFIX, record.partition()));
        // the handler's own exception type, unwrapped from the container's (the dead-letter desk shows it, issue 16)
        publisher.setHeadersFunction((record, exception) -> new org.apache.kafka.common.header.internals.RecordHeaders(
                List.of(new org.apache.kafka.common.header.internals.RecordHeader(MessagingMetrics.EXCEPTION_TYPE_HEADER,
                        MessagingMetrics.handlerException(exception).getClass().getName()
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
        // counted once the .DLT has the record (aftersales.messaging.dead.letters, issue 16)
        ConsumerAwareRecordRecoverer recoverer = (record, consumer, exception) -> {
            publisher.accept(record, consumer, exception);
            metrics.ifAvailable(meters -> meters.deadLettered(record,
                    consumer == null ? null : consumer.groupMetadata().groupId(), exception));
        };
        var backOff = new ExponentialBackOff(properties.initialBackOff().toMillis(), 2.0);
        backOff.setMaxInterval(properties.maxBackOff().toMillis());
        backOff.setMaxAttempts(properties.retries());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }

    @Bean
    @ConditionalOnMissingBean(RecordInterceptor.class)
    RecordInterceptor<Object, Object> traceContinuingInterceptor() {
        return new TraceContinuingInterceptor();
    }

    @Bean
    KafkaAdmin.NewTopics aftersalesTopics(MessagingProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : properties.ownedTopics()) {
            topics.add(topic(topic, properties));
            topics.add(topic(topic + DLT_SUFFIX, properties));
        }
        for (String topic : properties.consumedTopics()) {
            topics.add(topic(topic + DLT_SUFFIX, properties));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    private static NewTopic topic(String name, MessagingProperties properties) {
        return TopicBuilder.name(name).partitions(properties.partitions()).replicas(properties.replicationFactor()).build();
    }
}
