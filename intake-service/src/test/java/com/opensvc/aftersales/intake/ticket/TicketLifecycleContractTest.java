package com.opensvc.aftersales.intake.ticket;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.messaging.InboundEvents;
import com.opensvc.aftersales.testkit.ConsumerContracts;

class TicketLifecycleContractTest {
    @Test
    @DisplayName("EVT-03 INT-18 intake reads every example of the events that move a ticket (work order, repair, revisit, improvement report)")
    void EVT03_readsTheSchemaExamples() {
        ConsumerContracts.assertReadsSchemaExamples(
                new TicketLifecycleListener(null).lifecycleEvents(InboundEvents.withoutInbox(), null, null));
    }
}
