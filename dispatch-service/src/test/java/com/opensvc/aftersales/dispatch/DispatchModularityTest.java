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
    private static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("technician", "technician"),
            Map.entry("work_order", "workorder"),
            Map.entry("work_order_history", "workorder"),
            Map.entry("visit", "workorder"),
            Map.entry("visit_clock", "clock"),
            Map.entry("visit_clock_breach", "clock"),
            Map.entry("visit_clock_pause", "clock"),
            Map.entry("installation_project", "installation"),
            Map.entry("installation_entry_item", "installation"),
            Map.entry("installation_entry_check", "installation"),
            Map.entry("installation_problem", "installation"),
            Map.entry("work_order_review", "review"),
            Map.entry("work_order_review_history", "review"),
            Map.entry("depot_repair", "depot"),
            Map.entry("depot_repair_step", "depot"),
            Map.entry("appointment", "appointment"),
            Map.entry("late_notice", "appointment"),
            Map.entry("not_fixed_visit", "workorder"),
            Map.entry("tech_support_request", "techsupport"),
            Map.entry("visit_confirmation", "workorder"),
            Map.entry("part_price", "charge"),
            Map.entry("charge_sheet", "charge"),
            Map.entry("charge_line", "charge"),
            Map.entry("receivable", "payment"),
            Map.entry("payment_collection", "payment"),
            Map.entry("maintenance_plan", "maintenance"),
            Map.entry("maintenance_schedule", "maintenance"),
            Map.entry("maintenance_order", "maintenance"),
            Map.entry("inspection_record", "maintenance"),
            Map.entry("maintenance_prompt", "maintenance"),
            Map.entry("technician_history", "technician"),
            Map.entry("scorecard_repair", "scorecard"),
            Map.entry("scorecard_rating", "scorecard"),
            Map.entry("scorecard_unreachable", "scorecard"),
            Map.entry("parts_alert", "partsalert"));

    @Test
    @DisplayName("DESIGN.md §3 features meet through public services and events: no cycles, no foreign repository or table")
    void featureBoundaries() {
        FeatureBoundaries.verify(DispatchApplication.class, OWNERS);
    }
}
