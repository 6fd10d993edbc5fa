package com.opensvc.aftersales.quality.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.messaging.InboundEvents;
import com.opensvc.aftersales.testkit.ConsumerContracts;

class PartUsageContractTest {

    @Test
    @DisplayName("EVT-03 QLT-03 quality reads every schema example of PartsWrittenOff and PartsReturned")
    void EVT03_readsTheSchemaExamples() {
        ConsumerContracts.assertReadsSchemaExamples(
                new PartUsageListener().partUsageEvents(InboundEvents.withoutInbox(), null));
    }
}
