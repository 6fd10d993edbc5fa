package com.opensvc.aftersales.quality;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.testkit.FeatureBoundaries;

class QualityModularityTest {

    @Test
    @DisplayName("DESIGN §3 quality's features have no cycles and write only their own tables")
    void featureBoundaries() {
        FeatureBoundaries.verify(QualityApplication.class, Map.of(
                "defect", "defect",
                "improvement_report", "improvement",
                "improvement_action", "improvement",
                "improvement_verification", "improvement",
                "improvement_report_history", "improvement",
                "campaign", "campaign",
                "campaign_number", "campaign"));
    }
}
