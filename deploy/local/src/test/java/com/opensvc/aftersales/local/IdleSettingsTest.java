package com.opensvc.aftersales.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;

import com.opensvc.aftersales.embedded.OutboxRelay;
import com.opensvc.aftersales.messaging.MessagingProperties;

/**
 * Issue 18, the idle platform (docs/performance.md "Idle CPU", "Idle CPU, second pass"): the settings the idle figure
 * was measured with, so that a change to them is a decision with a new measurement, not an accident. Not a timed test.
 */
class IdleSettingsTest {

    @Test
    @DisplayName("Issue 18 idle: every relay polls every 100 ms — Debezium 3.6's queue spins up to 1 ms per interval, "
            + "so a shorter interval multiplies the idle relays' CPU")
    void relaysPollEvery100ms() throws Exception {
        for (String service : PlatformApplications.SERVICES) {
            Properties connector = OutboxRelay.loadConnectorProperties("debezium/" + service + "-outbox.properties");
            assertThat(connector.getProperty("poll.interval.ms")).as(service).isEqualTo("100");
        }
    }

    @Test
    @DisplayName("Issue 18 idle: the embedded platform's listeners wait up to 2 s for an empty fetch (Kafka: 500 ms), "
            + "no longer than the listeners' own back-off ceiling")
    void listenersWaitForFetchesNoLongerThanTheirBackOff() throws Exception {
        Duration fetchMaxWait = DurationStyle.detectAndParse(PlatformApplications.FETCH_MAX_WAIT);
        assertThat(fetchMaxWait).isEqualTo(Duration.ofSeconds(2));
        // a retry after a seek waits for the fetch in flight: never longer than aftersales.messaging.max-back-off
        assertThat(fetchMaxWait).isLessThanOrEqualTo(defaultMaxBackOff());
    }

    /** {@code @DefaultValue} of MessagingProperties' maxBackOff, read from its canonical constructor's parameter. */
    private static Duration defaultMaxBackOff() throws NoSuchMethodException {
        RecordComponent[] components = MessagingProperties.class.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Parameter[] parameters = MessagingProperties.class.getDeclaredConstructor(types).getParameters();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals("maxBackOff")) {
                return DurationStyle.detectAndParse(parameters[i].getAnnotation(DefaultValue.class).value()[0]);
            }
        }
        throw new AssertionError("MessagingProperties has no maxBackOff");
    }
}
