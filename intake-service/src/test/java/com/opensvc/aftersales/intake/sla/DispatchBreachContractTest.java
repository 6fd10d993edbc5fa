package com.opensvc.aftersales.intake.sla;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.messaging.InboundEvents;
import com.opensvc.aftersales.testkit.ConsumerContracts;

class DispatchBreachContractTest {
    @Test
    @DisplayName("EVT-03 SLA-06 intake reads every schema example of dispatch's SlaBreached")
    void EVT03_readsTheSchemaExamples() {
        ConsumerContracts.assertReadsSchemaExamples(
                new DispatchBreachListener().dispatchBreachEvents(InboundEvents.withoutInbox(), null));
    }
}
