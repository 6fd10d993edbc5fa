package com.opensvc.aftersales.quality.defect;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.messaging.InboundEvents;
import com.opensvc.aftersales.testkit.ConsumerContracts;

class RepairClosedContractTest {

    @Test
    @DisplayName("EVT-03 QLT-01 quality reads every schema example of RepairClosed")
    void EVT03_readsTheSchemaExamples() {
        ConsumerContracts.assertReadsSchemaExamples(
                new RepairClosedListener().workOrderEvents(InboundEvents.withoutInbox(), null));
    }
}
