package com.opensvc.aftersales.revisit.happycall;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.messaging.InboundEvents;
import com.opensvc.aftersales.testkit.ConsumerContracts;

class ComplaintFinishedContractTest {

    @Test
    @DisplayName("EVT-03 REV-02 revisit reads every schema example of ComplaintFinished")
    void EVT03_readsTheSchemaExamples() {
        ConsumerContracts.assertReadsSchemaExamples(
                new ComplaintFinishedListener().complaintEvents(InboundEvents.withoutInbox(), null));
    }
}
