package com.opensvc.aftersales.dispatch.charge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;
import com.opensvc.aftersales.testkit.ConsumerContracts;

class PartPriceConsumerContractTest {

    @Test
    @DisplayName("EVT-03 INT-08 DSP-05 the part-price consumer reads every example of PartsIssued")
    void EVT03_readsTheSchemaExamples() {
        ConsumerContracts.assertReadsSchemaExamples(
                new PartPriceListener().partPriceEvents(InboundEvents.withoutInbox(), null));
    }

    @Test
    @DisplayName("INT-08 a PartsIssued of an older parts service (no prices, no currency) is read as unpriced")
    void INT08_unpricedIssueIsRead() {
        EventHandlers handlers = new PartPriceListener().partPriceEvents(InboundEvents.withoutInbox(), null);
        PartsIssued issued = (PartsIssued) handlers.read("PartsIssued", """
                {"workOrderId":"8c0d6e2a-51f3-4b7e-a9d4-6e1f27b3c905","ticketId":"3f2b8c1e-7a4d-4e9b-9c61-2d5f0a8e4b17",
                 "technicianId":"tech.north","fromLocation":"STORE-NORTH","toLocation":"TECH-tech.north",
                 "lines":[{"partNumber":"PUMP-DRAIN-220","quantity":1}],"actor":"system:parts",
                 "occurredAt":"2026-03-02T09:05:12Z"}""");
        assertThat(issued.currency()).isNull();
        assertThat(issued.lines().getFirst().unitPrice()).isNull();
    }
}
