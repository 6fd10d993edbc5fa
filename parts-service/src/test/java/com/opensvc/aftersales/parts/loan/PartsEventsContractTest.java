package com.opensvc.aftersales.parts.loan;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.messaging.InboundEvents;
import com.opensvc.aftersales.testkit.ConsumerContracts;

class PartsEventsContractTest {

    @Test
    @DisplayName("EVT-03 PRT-01 PRT-03 parts reads every schema example of PartsRequested and RepairClosed")
    void EVT03_readsTheSchemaExamples() {
        ConsumerContracts.assertReadsSchemaExamples(
                new PartsEventsListener().workOrderEvents(InboundEvents.withoutInbox(), null, null, null));
    }
}
