package com.opensvc.aftersales.dispatch.technician;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;

/** DSP-02, DOMAIN.md §11: the supervisor confirms every assignment unless configuration says otherwise. */
class DispatchPolicyDefaultTest {

    @Test
    @DisplayName("DSP-02 §11 with nothing configured, the proposal waits for the supervisor")
    void DSP02_defaultIsSupervisorConfirms() {
        DispatchPolicy unset = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("aftersales.dispatch", DispatchPolicy.class);
        assertThat(unset.automatic()).isFalse();
    }

    @Test
    @DisplayName("DSP-02 §11 the shipped dispatch.yml keeps the default: the supervisor confirms")
    void DSP02_shippedConfigurationIsSupervisorConfirms() throws Exception {
        var sources = new YamlPropertySourceLoader().load("dispatch", new ClassPathResource("dispatch.yml"));
        Binder shipped = new Binder(ConfigurationPropertySources.from(sources.get(0)));
        assertThat(shipped.bindOrCreate("aftersales.dispatch", DispatchPolicy.class).policy())
                .isEqualTo(DispatchPolicy.Mode.SUPERVISOR_CONFIRMS);
        assertThat(shipped.bindOrCreate("aftersales.dispatch", DispatchPolicy.class).automatic()).isFalse();
    }
}
