package com.opensvc.aftersales.intake.inspection;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.messaging.InboundEvents;
import com.opensvc.aftersales.testkit.ConsumerContracts;

class InspectionProblemContractTest {
    @Test
    @DisplayName("EVT-03 DSP-09 intake reads every schema example of dispatch's InspectionProblemFound")
    void EVT03_readsTheSchemaExamples() {
        ConsumerContracts.assertReadsSchemaExamples(
                new InspectionProblemListener().inspectionProblems(InboundEvents.withoutInbox(), null));
    }
}
