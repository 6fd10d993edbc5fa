package com.opensvc.aftersales.dispatch.technician;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import com.opensvc.aftersales.dispatch.technician.DispatchPolicy.Mode;

/** DSP-02: the dispatch policy per region or service type; the service type wins when both name an order. */
class DispatchPolicyTest {
    private static DispatchPolicy bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("aftersales.dispatch", DispatchPolicy.class);
    }

    @Test
    @DisplayName("DSP-02 a region's policy applies to its orders; other regions keep the default (§11 supervisor confirms)")
    void DSP02_policyByRegion() {
        DispatchPolicy policy = bind(Map.of("aftersales.dispatch.policy-by-region.NORTH", "AUTOMATIC",
                "aftersales.dispatch.policy-by-region.SOUTH", "OPEN_POOL"));
        assertThat(policy.modeFor("NORTH", "ON_SITE")).isEqualTo(Mode.AUTOMATIC);
        assertThat(policy.modeFor("SOUTH", "ON_SITE")).isEqualTo(Mode.OPEN_POOL);
        assertThat(policy.modeFor("EAST", "ON_SITE")).isEqualTo(Mode.SUPERVISOR_CONFIRMS);
        assertThat(policy.modeFor(null, "ON_SITE")).isEqualTo(Mode.SUPERVISOR_CONFIRMS);
    }

    @Test
    @DisplayName("DSP-02 a service type's policy wins over the region's when both match")
    void DSP02_serviceTypeWinsOverRegion() {
        DispatchPolicy policy = bind(Map.of("aftersales.dispatch.policy-by-region.NORTH", "AUTOMATIC",
                "aftersales.dispatch.policy-by-service-type.INSTALLATION", "SUPERVISOR_CONFIRMS",
                "aftersales.dispatch.policy-by-service-type.CARRY_IN", "OPEN_POOL"));
        assertThat(policy.modeFor("NORTH", "INSTALLATION")).isEqualTo(Mode.SUPERVISOR_CONFIRMS);
        assertThat(policy.modeFor("NORTH", "ON_SITE")).isEqualTo(Mode.AUTOMATIC);
        assertThat(policy.modeFor("EAST", "CARRY_IN")).isEqualTo(Mode.OPEN_POOL);
    }

    @Test
    @DisplayName("DSP-02 the default policy applies where no region or service type is configured")
    void DSP02_defaultPolicy() {
        DispatchPolicy policy = bind(Map.of("aftersales.dispatch.policy", "AUTOMATIC",
                "aftersales.dispatch.policy-by-region.north", "SUPERVISOR_CONFIRMS"));
        assertThat(policy.modeFor("EAST", "ON_SITE")).isEqualTo(Mode.AUTOMATIC);
        assertThat(policy.modeFor("NORTH", "ON_SITE")).as("keys match whatever their case")
                .isEqualTo(Mode.SUPERVISOR_CONFIRMS);
    }
}
