package com.opensvc.aftersales.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.kafka.config.KafkaListenerEndpoint;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.kafka.config.MethodKafkaListenerEndpoint;

class GroupMembershipPropertiesTest {

    private static GroupMembershipProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("aftersales.messaging.group", GroupMembershipProperties.class);
    }

    @Test
    @DisplayName("issue 18 recovery: by default a listener is a dynamic member that is declared dead after 10 s, not Kafka's 45 s")
    void defaults() {
        var consumer = bind(Map.of()).consumerProperties();

        assertThat(consumer).containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000")
                .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "3000")
                .doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    }

    @Test
    @DisplayName("issue 18 recovery: an instance id makes every listener a static member under that id")
    void staticMembership() {
        var consumer = bind(Map.of("aftersales.messaging.group.instance-id", " local ",
                "aftersales.messaging.group.session-timeout", "20s")).consumerProperties();

        assertThat(consumer).containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "local")
                .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "20000");
    }

    @Test
    @DisplayName("issue 18 recovery: a heartbeat not shorter than the session is refused, naming the key")
    void heartbeatShorterThanSession() {
        assertThatThrownBy(() -> new GroupMembershipProperties("", Duration.ofSeconds(10), Duration.ofSeconds(10)))
                .hasMessageContaining("aftersales.messaging.group.heartbeat-interval");
    }

    @Test
    @DisplayName("issue 18 recovery: every EventHandlers listener's consumer gets the membership settings")
    void listenersGetTheSettings() {
        var beans = new DefaultListableBeanFactory();
        beans.registerSingleton("table", InboundEvents.withoutInbox()
                .consumer("revisit-happy-calls", "aftersales.dispatch.workorder")
                .on(Ping.class, ping -> { })
                .build());
        beans.registerSingleton("membership",
                new GroupMembershipProperties("local", Duration.ofSeconds(10), Duration.ofSeconds(3)));
        var listeners = new EventHandlersListeners(beans.getBeanProvider(EventHandlers.class),
                beans.getBeanProvider(GroupMembershipProperties.class));
        listeners.setBeanFactory(beans);
        List<KafkaListenerEndpoint> endpoints = new ArrayList<>();
        var registrar = new KafkaListenerEndpointRegistrar() {
            @Override
            public void registerEndpoint(KafkaListenerEndpoint endpoint) {
                endpoints.add(endpoint);
            }
        };

        listeners.configureKafkaListeners(registrar);

        assertThat(endpoints).singleElement().satisfies(endpoint -> assertThat(
                ((MethodKafkaListenerEndpoint<?, ?>) endpoint).getConsumerProperties())
                .containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "local")
                .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000")
                .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "3000"));
    }

    record Ping(java.util.UUID id) {
    }
}
