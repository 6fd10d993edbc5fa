package com.opensvc.aftersales.intake.ticket;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.messaging.InboundEvents;
import com.opensvc.aftersales.testkit.ConsumerContracts;

class TicketLifecycleContractTest {
    @Test
    @DisplayName("EVT-03 INT-18 INT-13 REV-01 INT-06 intake reads every example of the events that move a ticket (work order, assignment, repair, revisit decisions and outcomes, improvement report)")
    void EVT03_readsTheSchemaExamples() {
        ConsumerContracts.assertReadsSchemaExamples(
                new TicketLifecycleListener(null).lifecycleEvents(InboundEvents.withoutInbox(), null, null));
    }
}
