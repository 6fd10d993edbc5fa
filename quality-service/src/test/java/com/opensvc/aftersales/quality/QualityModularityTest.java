package com.opensvc.aftersales.quality;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.testkit.FeatureBoundaries;

class QualityModularityTest {

    @Test
    @DisplayName("DESIGN §3 quality's features have no cycles and write only their own tables")
    void featureBoundaries() {
        FeatureBoundaries.verify(QualityApplication.class, Map.ofEntries(
                Map.entry("defect", "defect"),
                Map.entry("defect_history", "defect"),
                Map.entry("improvement_report", "improvement"),
                Map.entry("improvement_action", "improvement"),
                Map.entry("improvement_verification", "improvement"),
                Map.entry("improvement_report_history", "improvement"),
                Map.entry("installed_product", "installedbase"),
                Map.entry("ticket_fact", "ticketfact"),
                Map.entry("published_report", "publication"),
                Map.entry("campaign", "campaign"),
                Map.entry("campaign_number", "campaign"),
                Map.entry("improvement_attachment", "improvement"),
                Map.entry("improvement_action_completion", "improvement"),
                Map.entry("alert_rule", "alert"),
                Map.entry("alert_occurrence", "alert"),
                Map.entry("quality_alert", "alert"),
                Map.entry("quality_alert_failure", "alert"),
                Map.entry("complaint", "complaint"),
                Map.entry("complaint_revisit", "complaint"),
                Map.entry("part_usage", "report"),
                Map.entry("purchased_component", "claim"),
                Map.entry("supplier_claim", "claim"),
                Map.entry("supplier_claim_number_counter", "claim"),
                Map.entry("supplier_claim_history", "claim"),
                Map.entry("product_launch", "newproduct"),
                Map.entry("new_product_failure", "newproduct"),
                Map.entry("new_product_survey_finding", "newproduct")));
    }
}
