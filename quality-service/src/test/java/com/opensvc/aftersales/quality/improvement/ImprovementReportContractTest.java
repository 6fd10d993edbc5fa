package com.opensvc.aftersales.quality.improvement;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.messaging.InboundEvents;
import com.opensvc.aftersales.testkit.ConsumerContracts;

class ImprovementReportContractTest {

    @Test
    @DisplayName("EVT-03 INT-05 QLT-05 quality reads every schema example of TicketAccepted and ComplaintFinished")
    void EVT03_readsTheSchemaExamples() {
        ConsumerContracts.assertReadsSchemaExamples(
                new ImprovementReportListener().ticketEvents(InboundEvents.withoutInbox(), null));
    }
}
