package com.opensvc.aftersales.revisit.happycall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("REV-01 happy-call sampling")
class HappyCallSamplingTest {

    @Test
    @DisplayName("REV-01 deterministic: the same work order always gets the same decision")
    void REV01_sameIdSameDecision() {
        for (int i = 0; i < 1_000; i++) {
            UUID id = UUID.randomUUID();
            // a copy of the id, so nothing can depend on object identity
            UUID same = UUID.fromString(id.toString());
            for (double rate : new double[]{0.05, 0.10, 0.5}) {
                assertThat(new HappyCallSampling(rate).sampled(same)).isEqualTo(new HappyCallSampling(rate).sampled(id));
            }
        }
        // a fixed id keeps its fixed fraction across runs and JVMs
        UUID fixed = UUID.fromString("8c0d6e2a-51f3-4b7e-a9d4-6e1f27b3c905");
        assertThat(HappyCallSampling.fraction(fixed)).isEqualTo(HappyCallSampling.fraction(fixed)).isBetween(0.0, 1.0);
    }

    @Test
    @DisplayName("REV-01 rate 1.0 samples every work order")
    void REV01_rateOneSamplesAll() {
        HappyCallSampling all = new HappyCallSampling(1.0);
        assertThat(IntStream.range(0, 2_000).mapToObj(i -> UUID.randomUUID())).allMatch(all::sampled);
    }

    @Test
    @DisplayName("REV-01 rate 0 samples no work order")
    void REV01_rateZeroSamplesNone() {
        HappyCallSampling none = new HappyCallSampling(0.0);
        assertThat(IntStream.range(0, 2_000).mapToObj(i -> UUID.randomUUID())).noneMatch(none::sampled);
    }

    @Test
    @DisplayName("REV-01 a 10 % rate samples between 8 % and 12 % of 10,000 work orders")
    void REV01_tenPercentRate() {
        HappyCallSampling sampling = new HappyCallSampling(0.10);
        long sampled = IntStream.range(0, 10_000).filter(i -> sampling.sampled(UUID.randomUUID())).count();
        assertThat(sampled).isBetween(800L, 1200L);
    }

    @Test
    @DisplayName("REV-01 the rate is bounded to 0..1")
    void REV01_rateIsBounded() {
        assertThatThrownBy(() -> new HappyCallSampling(-0.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HappyCallSampling(1.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HappyCallSampling(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
