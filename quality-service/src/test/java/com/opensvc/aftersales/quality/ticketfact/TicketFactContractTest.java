package com.opensvc.aftersales.quality.ticketfact;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.messaging.InboundEvents;
import com.opensvc.aftersales.testkit.ConsumerContracts;

class TicketFactContractTest {

    @Test
    @DisplayName("EVT-03 QLT-03 quality reads every schema example of TicketRegistered and TicketAccepted")
    void EVT03_readsTheSchemaExamples() {
        ConsumerContracts.assertReadsSchemaExamples(
                new TicketFactListener().ticketFactEvents(InboundEvents.withoutInbox(), null));
    }
}
