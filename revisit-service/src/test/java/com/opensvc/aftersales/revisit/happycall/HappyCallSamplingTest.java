package com.opensvc.aftersales.revisit.happycall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("REV-01 happy-call sampling")
class HappyCallSamplingTest {

    @Test
    @DisplayName("REV-01 deterministic: the same work order gives the same decision")
    void REV01_deterministic() {
        HappyCallSampling sampling = new HappyCallSampling(0.10);
        for (int i = 0; i < 200; i++) {
            UUID id = UUID.randomUUID();
            assertThat(sampling.sampled(id)).isEqualTo(new HappyCallSampling(0.10).sampled(id));
        }
    }

    @Test
    @DisplayName("REV-01 rate 1 samples everything, rate 0 nothing")
    void REV01_bounds() {
        IntStream.range(0, 500).mapToObj(i -> UUID.randomUUID()).forEach(id -> {
            assertThat(new HappyCallSampling(1.0).sampled(id)).isTrue();
            assertThat(new HappyCallSampling(0.0).sampled(id)).isFalse();
        });
    }

    @Test
    @DisplayName("REV-01 a 10 % rate samples close to 10 % of 10,000 work orders")
    void REV01_rate() {
        HappyCallSampling sampling = new HappyCallSampling(0.10);
        long sampled = IntStream.range(0, 10_000).filter(i -> sampling.sampled(UUID.randomUUID())).count();
        assertThat(sampled).isBetween(800L, 1200L);
    }
}
