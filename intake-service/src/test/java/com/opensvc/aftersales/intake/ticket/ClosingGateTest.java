package com.opensvc.aftersales.intake.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.intake.ticket.ClosingGate.Decision;

class ClosingGateTest {

    @Test
    @DisplayName("INT-05 a ticket quality must report on waits for the improvement report before closing")
    void INT05_waitsForTheImprovementReport() {
        assertThat(ClosingGate.decide(TicketState.RESOLVED, true, false, true)).isEqualTo(Decision.WAIT_FOR_IMPROVEMENT_REPORT);
        assertThat(ClosingGate.decide(TicketState.RESOLVED, true, true, true)).isEqualTo(Decision.CLOSE);
    }

    @Test
    @DisplayName("INT-05 REV-05 REV-06 without a done revisit nothing closes; without quality the revisit alone closes")
    void INT05_revisitIsStillNeeded() {
        assertThat(ClosingGate.decide(TicketState.RESOLVED, true, true, false)).isEqualTo(Decision.NOT_YET);
        assertThat(ClosingGate.decide(TicketState.IN_SERVICE, true, true, true)).isEqualTo(Decision.NOT_YET);
        assertThat(ClosingGate.decide(TicketState.RESOLVED, false, false, true)).isEqualTo(Decision.CLOSE);
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName("INT-11 a resolved ticket whose complaint is still open waits for it before closing")
    void INT11_openComplaintHoldsTheClose() {
        assertThat(ClosingGate.decide(TicketState.RESOLVED, false, false, true, true)).isEqualTo(Decision.WAIT_FOR_COMPLAINT);
        assertThat(ClosingGate.decide(TicketState.RESOLVED, false, false, true, false)).isEqualTo(Decision.CLOSE);
        assertThat(ClosingGate.decide(TicketState.RESOLVED, false, false, false, true)).isEqualTo(Decision.NOT_YET);
    }

    @Test
    @DisplayName("INT-13 REV-01 a revisit decision closes only when no scheduled revisit is outstanding; no decision, no close")
    void INT13_REV01_decisionAndOutstandingRevisits() {
        assertThat(ClosingGate.decide(TicketState.RESOLVED, false, false, true, 0, false)).isEqualTo(Decision.CLOSE);
        assertThat(ClosingGate.decide(TicketState.RESOLVED, false, false, true, 1, false))
                .isEqualTo(Decision.WAIT_FOR_REVISIT);
        assertThat(ClosingGate.decide(TicketState.RESOLVED, false, false, false, 0, false)).isEqualTo(Decision.NOT_YET);
        assertThat(ClosingGate.decide(TicketState.RESOLVED, true, false, true, 0, false))
                .isEqualTo(Decision.WAIT_FOR_IMPROVEMENT_REPORT);
        assertThat(ClosingGate.decide(TicketState.RESOLVED, true, true, true, 1, false))
                .isEqualTo(Decision.WAIT_FOR_REVISIT);
    }
}
