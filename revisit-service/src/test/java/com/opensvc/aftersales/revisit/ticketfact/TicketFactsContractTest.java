package com.opensvc.aftersales.revisit.ticketfact;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.messaging.InboundEvents;
import com.opensvc.aftersales.testkit.ConsumerContracts;

class TicketFactsContractTest {

    @Test
    @DisplayName("EVT-03 RPT-01 revisit keeps its ticket facts from every schema example of TicketRegistered and TicketAccepted")
    void EVT03_readsTheSchemaExamples() {
        ConsumerContracts.assertReadsSchemaExamples(
                new TicketFactsListener().ticketFactEvents(InboundEvents.withoutInbox(), null));
    }
}
