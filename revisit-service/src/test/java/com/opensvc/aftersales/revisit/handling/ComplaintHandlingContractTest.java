package com.opensvc.aftersales.revisit.handling;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.messaging.InboundEvents;
import com.opensvc.aftersales.testkit.ConsumerContracts;

class ComplaintHandlingContractTest {

    @Test
    @DisplayName("EVT-03 REV-02 revisit reads every schema example of the ticket events that open and end a complaint's handling")
    void EVT03_readsTheSchemaExamples() {
        ConsumerContracts.assertReadsSchemaExamples(
                new ComplaintHandlingListener().complaintHandlingEvents(InboundEvents.withoutInbox(), null));
    }
}
