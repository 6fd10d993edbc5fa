package com.opensvc.aftersales.intake.outreach;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.messaging.InboundEvents;
import com.opensvc.aftersales.testkit.ConsumerContracts;

class DefectCampaignContractTest {
    @Test
    @DisplayName("EVT-03 INT-17 intake reads every DefectCampaignLaunched example of quality's schema")
    void EVT03_readsTheSchemaExamples() {
        ConsumerContracts.assertReadsSchemaExamples(
                new DefectCampaignListener(null, null, null).defectEvents(InboundEvents.withoutInbox()));
    }
}
