package com.opensvc.aftersales.dispatch.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;
import com.opensvc.aftersales.messaging.MalformedEventException;
import com.opensvc.aftersales.testkit.ConsumerContracts;

@DisplayName("EVT-03 dispatch reads the events it consumes as their schemas publish them")
class WorkOrderConsumerContractTest {
    private final WorkOrderEventsListener listener = new WorkOrderEventsListener();

    @Test
    @DisplayName("EVT-03 DSP-01 the work orders' consumer reads every example of TicketAccepted")
    void EVT03_ticketEventsReadTheSchemaExamples() {
        ConsumerContracts.assertReadsSchemaExamples(listener.ticketEvents(InboundEvents.withoutInbox(), null));
    }

    @Test
    @DisplayName("EVT-03 DSP-03 the parts consumer reads every example of PartsIssued")
    void EVT03_partsEventsReadTheSchemaExamples() {
        ConsumerContracts.assertReadsSchemaExamples(listener.partsEvents(InboundEvents.withoutInbox(), null));
    }

    @Test
    @DisplayName("EVT-05 an expected part without a part number or with a quantity below 1 makes TicketAccepted malformed")
    void EVT05_badPartLineIsMalformed() {
        EventHandlers tickets = listener.ticketEvents(InboundEvents.withoutInbox(), null);
        assertThat(tickets.read("TicketAccepted", ticketAccepted("""
                [{"partNumber":"CMP-100","quantity":2}]"""))).isInstanceOf(TicketAccepted.class);
        assertThatThrownBy(() -> tickets.read("TicketAccepted", ticketAccepted("""
                [{"partNumber":" ","quantity":1}]""")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("partNumber");
        assertThatThrownBy(() -> tickets.read("TicketAccepted", ticketAccepted("""
                [{"partNumber":"CMP-100","quantity":0}]""")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("quantity");
        assertThatThrownBy(() -> tickets.read("TicketAccepted", ticketAccepted("""
                [{"partNumber":"CMP-100"}]""")))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> tickets.read("TicketAccepted", ticketAccepted("null")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("expectedParts");
    }

    private static String ticketAccepted(String parts) {
        return """
                {"ticketId":"3f2b8c1e-7a4d-4e9b-9c61-2d5f0a8e4b17","ticketNumber":"T-2026-000123","serviceType":"ON_SITE",
                 "entitlement":"FREE_REPAIR","customerRegion":"NORTH","productLine":"LAUNDRY","productModel":"WM-X200",
                 "serialNumber":"WX200-25-0045871","expectedParts":%s,"priority":"NORMAL","qualityMustReport":true,
                 "actor":"frontdesk","occurredAt":"2026-03-02T08:21:47Z"}""".formatted(parts);
    }
}
