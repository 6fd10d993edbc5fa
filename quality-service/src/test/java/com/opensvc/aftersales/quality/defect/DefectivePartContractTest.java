package com.opensvc.aftersales.quality.defect;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.messaging.InboundEvents;
import com.opensvc.aftersales.testkit.ConsumerContracts;

class DefectivePartContractTest {

    @Test
    @DisplayName("EVT-03 QLT-01 quality reads every schema example of DefectivePartReceived")
    void EVT03_readsTheSchemaExamples() {
        ConsumerContracts.assertReadsSchemaExamples(
                new DefectivePartListener().defectivePartEvents(InboundEvents.withoutInbox(), null));
    }
}
