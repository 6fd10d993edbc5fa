package com.opensvc.aftersales.dispatch;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.testkit.FeatureBoundaries;

class DispatchModularityTest {
    /**
     * Every table of dispatch's migrations and the feature that writes it. {@code outbox} and {@code processed_event}
     * are written by the platform's OutboxWriter and ProcessedEvents only.
     */
    private static final Map<String, String> OWNERS = Map.of(
            "technician", "technician",
            "work_order", "workorder",
            "work_order_history", "workorder",
            "visit", "workorder",
            "visit_clock", "clock",
            "visit_clock_breach", "clock",
            "visit_clock_pause", "clock",
            "scorecard_repair", "scorecard",
            "scorecard_rating", "scorecard");

    @Test
    @DisplayName("DESIGN.md §3 features meet through public services and events: no cycles, no foreign repository or table")
    void featureBoundaries() {
        FeatureBoundaries.verify(DispatchApplication.class, OWNERS);
    }
}
