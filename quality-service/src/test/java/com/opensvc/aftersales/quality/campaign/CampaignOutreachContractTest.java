package com.opensvc.aftersales.quality.campaign;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.messaging.InboundEvents;
import com.opensvc.aftersales.testkit.ConsumerContracts;

class CampaignOutreachContractTest {

    @Test
    @DisplayName("EVT-03 QLT-08 INT-17 quality reads every schema example of OutreachTicketsOpened")
    void EVT03_readsTheSchemaExamples() {
        ConsumerContracts.assertReadsSchemaExamples(
                new CampaignOutreachListener().campaignOutreachEvents(InboundEvents.withoutInbox(), null));
    }
}
