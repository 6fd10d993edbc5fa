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
    @DisplayName("EVT-03 DSP-01 INT-07 SLA-05 the ticket consumer reads every example of TicketAccepted, EntitlementChanged, QuoteApproved, QuoteDeclined, TicketPending and TicketResumed")
    void EVT03_ticketEventsReadTheSchemaExamples() {
        ConsumerContracts.assertReadsSchemaExamples(listener.ticketEvents(InboundEvents.withoutInbox(), null));
    }

    @Test
    @DisplayName("EVT-03 DSP-03 the parts consumer reads every example of PartsIssued and PartsBackordered")
    void EVT03_partsEventsReadTheSchemaExamples() {
        ConsumerContracts.assertReadsSchemaExamples(listener.partsEvents(InboundEvents.withoutInbox(), null));
    }

    @Test
    @DisplayName("EVT-03 PRT-01 PartsIssued's examples: complete=false is a partial issue; without complete it is in full")
    void PRT01_partsIssuedComplete() {
        EventHandlers parts = listener.partsEvents(InboundEvents.withoutInbox(), null);
        var examples = com.opensvc.aftersales.contracts.EventContracts.load()
                .examples("com.opensvc.aftersales.PartsIssued.v1");
        assertThat(examples).hasSizeGreaterThanOrEqualTo(2);
        assertThat(examples.stream().map(e -> ((PartsIssued) parts.read("PartsIssued", e)).issuedInFull()))
                .contains(true, false);
        String older = examples.getFirst().replaceAll(",\\s*\"complete\"\\s*:\\s*true", "");
        assertThat(older).doesNotContain("complete");
        assertThat(((PartsIssued) parts.read("PartsIssued", older)).issuedInFull()).isTrue();
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

    @Test
    @DisplayName("EVT-05 DSP-03 PartsBackordered: expected dates are optional, a backorder without lines is malformed")
    void EVT05_backorderShape() {
        EventHandlers parts = listener.partsEvents(InboundEvents.withoutInbox(), null);
        String withDates = """
                {"workOrderId":"8c0d6e2a-51f3-4b7e-a9d4-6e1f27b3c905","ticketId":"3f2b8c1e-7a4d-4e9b-9c61-2d5f0a8e4b17",
                 "technicianId":"tech.north","fromLocation":"STORE-NORTH","expectedDate":"2026-03-09",
                 "lines":[{"partNumber":"HOSE-DRAIN-15","requested":2,"available":0,"expectedDate":"2026-03-09"}],
                 "actor":"system:parts","occurredAt":"2026-03-02T09:02:32Z"}""";
        PartsBackordered read = (PartsBackordered) parts.read("PartsBackordered", withDates);
        assertThat(read.lines().getFirst().expectedDate()).hasToString("2026-03-09");
        assertThat(read.lines().getFirst().missing()).isEqualTo(2);
        assertThatThrownBy(() -> parts.read("PartsBackordered", withDates.replaceAll("\\[\\{.*}]", "[]")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("lines");
    }

    private static String ticketAccepted(String parts) {
        return """
                {"ticketId":"3f2b8c1e-7a4d-4e9b-9c61-2d5f0a8e4b17","ticketNumber":"T-2026-000123","serviceType":"ON_SITE",
                 "entitlement":"FREE_REPAIR","customerRegion":"NORTH","productLine":"LAUNDRY","productModel":"WM-X200",
                 "serialNumber":"WX200-25-0045871","expectedParts":%s,"priority":"NORMAL","qualityMustReport":true,
                 "actor":"frontdesk","occurredAt":"2026-03-02T08:21:47Z"}""".formatted(parts);
    }
}
