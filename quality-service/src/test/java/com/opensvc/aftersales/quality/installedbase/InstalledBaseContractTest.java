package com.opensvc.aftersales.quality.installedbase;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.messaging.InboundEvents;
import com.opensvc.aftersales.testkit.ConsumerContracts;

class InstalledBaseContractTest {

    @Test
    @DisplayName("EVT-03 QLT-06 quality reads every schema example of InstalledProductRecorded")
    void EVT03_readsTheSchemaExamples() {
        ConsumerContracts.assertReadsSchemaExamples(
                new InstalledBaseListener().installedBaseEvents(InboundEvents.withoutInbox(), null));
    }
}
