package com.opensvc.aftersales.dispatch.partsalert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;
import com.opensvc.aftersales.messaging.MalformedEventException;
import com.opensvc.aftersales.testkit.ConsumerContracts;

@DisplayName("EVT-03 the parts alerts read parts' events as their schemas publish them")
class PartsAlertConsumerContractTest {
    private final EventHandlers handlers = new PartsAlertListener().partsAlertEvents(InboundEvents.withoutInbox(), null);

    @Test
    @DisplayName("EVT-03 PRT-01 PRT-03 the parts-alert consumer reads every example of PartsRequestRejected, PartsWriteOffBlocked, PartsWrittenOff and PartsIssued")
    void EVT03_readsTheSchemaExamples() {
        ConsumerContracts.assertReadsSchemaExamples(handlers);
    }

    @Test
    @DisplayName("PRT-03 a PartsWrittenOff line naming a loan is read with it; a line without one (older producers) too")
    void PRT03_writtenOffLoan() {
        PartsWrittenOff read = (PartsWrittenOff) handlers.read("PartsWrittenOff", """
                {"workOrderId":"8c0d6e2a-51f3-4b7e-a9d4-6e1f27b3c905","ticketId":"3f2b8c1e-7a4d-4e9b-9c61-2d5f0a8e4b17",
                 "technicianId":"tech.north","lines":[
                   {"partNumber":"CMP-100","quantity":1,"reason":"CONSUMED_UNDER_WARRANTY",
                    "loanId":"1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6","oldFactoryDate":"2024-01-05"},
                   {"partNumber":"HOSE-15","quantity":1,"reason":"CONSUMED_UNDER_WARRANTY"}],
                 "actor":"store.wu","occurredAt":"2026-03-06T10:00:00Z"}""");
        assertThat(read.lines()).extracting(PartsWrittenOff.Line::loanId).hasSize(2).containsNull()
                .anyMatch(id -> id != null && id.toString().equals("1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6"));
    }

    @Test
    @DisplayName("EVT-05 PRT-03 a PartsWriteOffBlocked without its loan is malformed")
    void EVT05_blockedWithoutLoanIsMalformed() {
        assertThatThrownBy(() -> handlers.read("PartsWriteOffBlocked", """
                {"workOrderId":"8c0d6e2a-51f3-4b7e-a9d4-6e1f27b3c905","ticketId":"3f2b8c1e-7a4d-4e9b-9c61-2d5f0a8e4b17",
                 "technicianId":"tech.north","partNumber":"CMP-100","quantity":1,"reason":"MISMATCH",
                 "actor":"store.wu","occurredAt":"2026-03-05T10:00:00Z"}"""))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("loanId");
    }
}
