package com.opensvc.aftersales.revisit.happycall;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.messaging.InboundEvents;
import com.opensvc.aftersales.testkit.ConsumerContracts;

class RepairClosedContractTest {

    @Test
    @DisplayName("EVT-03 REV-01 revisit reads every schema example of RepairClosed")
    void EVT03_readsTheSchemaExamples() {
        ConsumerContracts.assertReadsSchemaExamples(
                new RepairClosedListener().workOrderEvents(InboundEvents.withoutInbox(), null));
    }
}
