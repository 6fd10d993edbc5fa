package com.opensvc.aftersales.intake.complaint;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.messaging.InboundEvents;
import com.opensvc.aftersales.testkit.ConsumerContracts;

class CustomerDissatisfiedContractTest {
    @Test
    @DisplayName("EVT-03 INT-19 intake reads every schema example of CustomerDissatisfied")
    void EVT03_readsTheSchemaExamples() {
        ConsumerContracts.assertReadsSchemaExamples(
                new CustomerDissatisfiedListener().revisitEvents(InboundEvents.withoutInbox(), null, null));
    }
}
