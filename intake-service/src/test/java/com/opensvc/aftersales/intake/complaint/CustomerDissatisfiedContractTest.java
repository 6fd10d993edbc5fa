package com.opensvc.aftersales.intake.complaint;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.messaging.InboundEvents;
import com.opensvc.aftersales.testkit.ConsumerContracts;

class CustomerDissatisfiedContractTest {
    @Test
    @DisplayName("INT-19 EVT-03 intake reads every CustomerDissatisfied example of revisit's schema")
    void INT19_readsCustomerDissatisfiedExamples() {
        ConsumerContracts.assertReadsSchemaExamples(
                new CustomerDissatisfiedListener(InboundEvents.withoutInbox(), null, null).revisitEvents());
    }
}
