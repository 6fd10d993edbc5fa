package com.opensvc.aftersales.revisit;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.testkit.FeatureBoundaries;

class RevisitModularityTest {

    @Test
    @DisplayName("DESIGN §3 revisit's features have no cycles and write only their own tables")
    void featureBoundaries() {
        FeatureBoundaries.verify(RevisitApplication.class, Map.ofEntries(
                Map.entry("revisit", "happycall"),
                Map.entry("revisit_decision", "happycall"),
                Map.entry("complaint_subject", "conflict"),
                Map.entry("ticket_fact", "ticketfact"),
                Map.entry("revisit_review", "review"),
                Map.entry("revisit_review_history", "review"),
                Map.entry("coverage_top_up", "coverage"),
                Map.entry("revisit_call", "happycall"),
                Map.entry("complaint_handling", "handling"),
                Map.entry("revisit_assignment", "agenda"),
                Map.entry("revisit_assignment_history", "agenda"),
                Map.entry("revisit_monthly_statistics", "statistics")));
    }
}
