package com.opensvc.aftersales.quality.complaint;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.messaging.InboundEvents;
import com.opensvc.aftersales.testkit.ConsumerContracts;

class ComplaintContractTest {

    @Test
    @DisplayName("EVT-03 QLT-04 quality reads every schema example of intake's complaint events and revisit's outcomes")
    void EVT03_readsTheSchemaExamples() {
        ConsumerContracts.assertReadsSchemaExamples(
                new ComplaintListener().complaintEvents(InboundEvents.withoutInbox(), null));
    }
}
