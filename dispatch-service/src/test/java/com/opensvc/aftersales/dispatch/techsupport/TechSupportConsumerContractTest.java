package com.opensvc.aftersales.dispatch.techsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;
import com.opensvc.aftersales.messaging.MalformedEventException;
import com.opensvc.aftersales.testkit.ConsumerContracts;

class TechSupportConsumerContractTest {
    private final EventHandlers tickets = new TechSupportListener()
            .techSupportTicketEvents(InboundEvents.withoutInbox(), null);

    @Test
    @DisplayName("EVT-03 INT-23 the technical-support consumer reads every example of TicketRegistered")
    void EVT03_readsTheSchemaExamples() {
        ConsumerContracts.assertReadsSchemaExamples(tickets);
    }

    @Test
    @DisplayName("INT-23 EVT-05 a ticket routed to ENGINEERING is a technical question; one without a product model is malformed")
    void INT23_routedToEngineeringIsATechnicalQuestion() {
        String registered = """
                {"ticketId":"6b1e4c2d-93a7-4f0e-8d25-71c9b3e0a4f6","ticketNumber":"T-2026-000124","channel":"PHONE",
                 "serviceType":"REMOTE","productModel":"WM-X200","entitlement":"FREE_REPAIR","routedTo":"%s",
                 "faultDescription":"Which firmware fixes E21?","actor":"frontdesk","occurredAt":"2026-03-02T08:31:12Z"}""";
        TicketRegistered engineering = (TicketRegistered) tickets.read("TicketRegistered",
                registered.formatted("ENGINEERING"));
        assertThat(engineering.technicalQuestion()).isTrue();
        assertThat(TechSupportRequest.forTechnicalQuestion(engineering).request().question())
                .isEqualTo("Which firmware fixes E21?");
        assertThat(((TicketRegistered) tickets.read("TicketRegistered", registered.formatted("AFTER_SALES")))
                .technicalQuestion()).isFalse();
        assertThatThrownBy(() -> tickets.read("TicketRegistered",
                registered.formatted("ENGINEERING").replace("\"productModel\":\"WM-X200\",", "")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("productModel");
    }
}
