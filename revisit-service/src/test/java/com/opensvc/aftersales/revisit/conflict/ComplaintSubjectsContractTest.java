package com.opensvc.aftersales.revisit.conflict;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.messaging.InboundEvents;
import com.opensvc.aftersales.testkit.ConsumerContracts;

class ComplaintSubjectsContractTest {

    @Test
    @DisplayName("EVT-03 INT-12 revisit reads every schema example of TicketRegistered and TicketReopened")
    void EVT03_readsTheSchemaExamples() {
        ConsumerContracts.assertReadsSchemaExamples(
                new ComplaintSubjectsListener().ticketEvents(InboundEvents.withoutInbox(), null));
    }
}
