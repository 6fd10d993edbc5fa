package com.opensvc.aftersales.revisit.happycall;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

@DisplayName("REV-01 happy-call sampling")
class HappyCallSamplingTest {
    /** 10 000 synthetic work-order ids, the same on every run (name-based UUIDs). */
    private static final List<UUID> WORK_ORDERS = IntStream.range(0, 10_000)
            .mapToObj(i -> UUID.nameUUIDFromBytes(("work-order-" + i).getBytes(StandardCharsets.UTF_8))).toList();

    private static long sampledAt(double rate) {
        return WORK_ORDERS.stream().filter(id -> HappyCallSampling.sampled(id, rate)).count();
    }

    @Test
    @DisplayName("REV-01 deterministic: a work order's value is SHA-256 of its id as a fraction, the same in every JVM")
    void REV01_valueIsTheDocumentedFunction() {
        // computed outside Java: printf %s 8c0d6e2a-51f3-4b7e-a9d4-6e1f27b3c905 | sha256sum → 0e7c3ff08a44c718…;
        // 0x0e7c3ff08a44c718 >>> 11 / 2^53
        UUID fixed = UUID.fromString("8c0d6e2a-51f3-4b7e-a9d4-6e1f27b3c905");
        assertThat(HappyCallSampling.value(fixed)).isEqualTo(0.056583400941479844);
        assertThat(HappyCallSampling.sampled(fixed, 0.10)).isTrue();
        assertThat(HappyCallSampling.sampled(fixed, 0.05)).isFalse();
        // the same id read from its text (another object) gives the same value and decision
        UUID same = UUID.fromString(fixed.toString().toUpperCase());
        assertThat(same).isNotSameAs(fixed);
        assertThat(HappyCallSampling.value(same)).isEqualTo(0.056583400941479844);
    }

    @Test
    @DisplayName("REV-01 deterministic: the same work order always gets the same decision; values lie in [0, 1)")
    void REV01_sameIdSameDecision() {
        for (UUID id : WORK_ORDERS.subList(0, 1_000)) {
            double value = HappyCallSampling.value(id);
            assertThat(value).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
            assertThat(HappyCallSampling.value(UUID.fromString(id.toString()))).isEqualTo(value);
            assertThat(new HappyCallSampling(0.10, ZoneId.of("UTC")).sampled(id)).isEqualTo(value < 0.10);
        }
    }

    @Test
    @DisplayName("REV-01 over 10 000 work orders the sampled share is within ±1 % of the rate, at 5 %, 7.5 % and 10 %")
    void REV01_sampledShareMatchesTheRate() {
        for (double rate : new double[]{0.05, 0.075, 0.10}) {
            double share = sampledAt(rate) / (double) WORK_ORDERS.size();
            assertThat(share).as("share at rate " + rate).isBetween(rate - 0.01, rate + 0.01);
        }
    }

    @Test
    @DisplayName("REV-01 over 10 000 random work-order ids the sampled share lies within ±1 point of every rate in the band, and inside 5-10 % for the rates inside it")
    void REV01_randomWorkOrdersShareWithinTheBand() {
        for (long seed : new long[]{1L, 15L, 2026L, 0x5eedL, 987_654_321L}) {
            // random version-4 ids from a seeded generator: random, yet the same on every run
            java.util.Random random = new java.util.Random(seed);
            List<UUID> ids = IntStream.range(0, 10_000).mapToObj(i -> new UUID(
                    (random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & ~(3L << 62)) | (2L << 62))).toList();
            for (double rate : new double[]{0.05, 0.06, 0.07, 0.08, 0.09, 0.10}) {
                double share = ids.stream().filter(id -> HappyCallSampling.sampled(id, rate)).count() / 10_000.0;
                assertThat(share).as("share at rate %s, seed %s", rate, seed).isBetween(rate - 0.01, rate + 0.01);
                if (rate > 0.05 && rate < 0.10) {
                    assertThat(share).as("share at rate %s, seed %s", rate, seed).isBetween(0.05, 0.10);
                }
            }
            // the same ids at the same rate: the same sample
            assertThat(ids.stream().filter(id -> HappyCallSampling.sampled(id, 0.07)).toList())
                    .isEqualTo(ids.stream().map(id -> UUID.fromString(id.toString()))
                            .filter(id -> HappyCallSampling.sampled(id, 0.07)).toList());
        }
    }

    @Test
    @DisplayName("REV-01 a higher rate samples every work order a lower rate samples, and more")
    void REV01_rateChangesDecisionsMonotonically() {
        double[] rates = {0.0, 0.05, 0.06, 0.08, 0.10, 0.5, 1.0};
        for (int i = 1; i < rates.length; i++) {
            double lower = rates[i - 1];
            double higher = rates[i];
            assertThat(WORK_ORDERS).filteredOn(id -> HappyCallSampling.sampled(id, lower))
                    .allMatch(id -> HappyCallSampling.sampled(id, higher));
            assertThat(sampledAt(higher)).as(lower + " < " + higher).isGreaterThan(sampledAt(lower));
        }
        assertThat(sampledAt(0.0)).isZero();
        assertThat(sampledAt(1.0)).isEqualTo(WORK_ORDERS.size());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(HappyCallSampling.class)
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Properties.class);

    @Test
    @DisplayName("REV-01 the default rate is 10 % and the default zone UTC")
    void REV01_defaultRate() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            HappyCallSampling sampling = started.getBean(HappyCallSampling.class);
            assertThat(sampling.samplingRate()).isEqualTo(0.10);
            assertThat(sampling.zone()).isEqualTo(ZoneId.of("UTC"));
        });
    }

    @Test
    @DisplayName("REV-01 a rate from 5 % to 10 % starts")
    void REV01_rateWithinBoundsStarts() {
        for (String rate : new String[]{"0.05", "0.07", "0.10"}) {
            context.withPropertyValues("aftersales.revisit.sampling-rate=" + rate, "aftersales.revisit.zone=Asia/Shanghai")
                    .run(started -> assertThat(started.getBean(HappyCallSampling.class).samplingRate())
                            .isEqualTo(Double.parseDouble(rate)));
        }
    }

    @Test
    @DisplayName("REV-01 a rate outside 5-10 % refuses to start, naming the property and the rule")
    void REV01_rateOutsideBoundsRefusesToStart() {
        for (String rate : new String[]{"1.0", "0.11", "0.049", "0", "-0.1"}) {
            context.withPropertyValues("aftersales.revisit.sampling-rate=" + rate).run(started -> {
                assertThat(started).hasFailed();
                assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("samplingRate")
                        .hasMessageContaining("REV-01 samples 5-10 % of completed work orders");
            });
        }
    }
}
