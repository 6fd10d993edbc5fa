package com.opensvc.aftersales.messaging;

import java.lang.reflect.Method;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.kafka.config.MethodKafkaListenerEndpoint;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;

/**
 * Makes every {@link EventHandlers} bean a Kafka listener: its consumer name is the listener id and the group id, its
 * topics are the topics, and the Boot-configured container factory brings the retries, dead letters (EVT-05) and
 * trace continuation every listener has.
 */
final class EventHandlersListeners implements KafkaListenerConfigurer, BeanFactoryAware {
    private static final Method HANDLE;

    static {
        try {
            HANDLE = EventHandlers.class.getMethod("handle", ConsumerRecord.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ObjectProvider<EventHandlers> tables;
    private final ObjectProvider<GroupMembershipProperties> membership;
    private BeanFactory beanFactory;

    EventHandlersListeners(ObjectProvider<EventHandlers> tables) {
        this(tables, null);
    }

    EventHandlersListeners(ObjectProvider<EventHandlers> tables, ObjectProvider<GroupMembershipProperties> membership) {
        this.tables = tables;
        this.membership = membership;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void configureKafkaListeners(KafkaListenerEndpointRegistrar registrar) {
        DefaultMessageHandlerMethodFactory methods = new DefaultMessageHandlerMethodFactory();
        methods.setBeanFactory(beanFactory);
        methods.afterPropertiesSet();
        // session timeout, heartbeat and static membership of every listener (issue 18, recovery after a crash)
        GroupMembershipProperties group = membership == null ? null : membership.getIfAvailable();
        tables.orderedStream().forEach(table -> {
            MethodKafkaListenerEndpoint<String, String> endpoint = new MethodKafkaListenerEndpoint<>();
            endpoint.setId(table.consumer());
            endpoint.setGroupId(table.consumer());
            // client id "<consumer>-<n>": Kafka's consumer meters (records-lag) are tagged with the group (issue 16)
            endpoint.setClientIdPrefix(table.consumer());
            endpoint.setTopics(table.topics());
            if (group != null) {
                endpoint.setConsumerProperties(group.consumerProperties());
            }
            endpoint.setBean(table);
            endpoint.setMethod(HANDLE);
            endpoint.setMessageHandlerMethodFactory(methods);
            endpoint.setBeanFactory(beanFactory);
            registrar.registerEndpoint(endpoint);
        });
    }
}
