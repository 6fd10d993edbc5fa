package com.opensvc.aftersales.dispatch.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SLA-04 visit clock due times")
class VisitClockDueTimesTest {
    private static final VisitClockProperties DEFAULTS =
            new VisitClockProperties(Duration.ofHours(24), Duration.ofHours(24), Duration.ofSeconds(15), 100, true);

    @Test
    @DisplayName("SLA-04 arrival is due 24 hours after dispatch, fix 24 hours after work started")
    void SLA04_dueTwentyFourHoursAfterStart() {
        Instant dispatched = Instant.parse("2026-11-23T09:30:00Z");
        assertThat(DEFAULTS.dueAt(VisitClockKind.ARRIVAL, dispatched)).isEqualTo("2026-11-24T09:30:00Z");
        Instant started = Instant.parse("2026-11-24T08:10:15Z");
        assertThat(DEFAULTS.dueAt(VisitClockKind.FIX, started)).isEqualTo("2026-11-25T08:10:15Z");
    }

    @Test
    @DisplayName("SLA-04 the clocks run in wall-clock time: nights and weekends count (not business hours)")
    void SLA04_wallClockTimeOverNightAndWeekend() {
        // Friday 2026-11-27 17:45 China time (UTC+8), dispatched at the end of the working day
        Instant fridayEvening = Instant.parse("2026-11-27T09:45:00Z");
        assertThat(DEFAULTS.dueAt(VisitClockKind.ARRIVAL, fridayEvening))
                .as("Saturday 17:45 local, not Monday")
                .isEqualTo("2026-11-28T09:45:00Z");
    }

    @Test
    @DisplayName("SLA-04 the allowances are configuration, each kind its own")
    void SLA04_configuredAllowances() {
        var configured = new VisitClockProperties(Duration.ofHours(4), Duration.ofHours(48), Duration.ofSeconds(15), 10, true);
        Instant start = Instant.parse("2026-11-23T00:00:00Z");
        assertThat(configured.dueAt(VisitClockKind.ARRIVAL, start)).isEqualTo("2026-11-23T04:00:00Z");
        assertThat(configured.dueAt(VisitClockKind.FIX, start)).isEqualTo("2026-11-25T00:00:00Z");
    }
}
