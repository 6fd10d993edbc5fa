package com.opensvc.aftersales.intake.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.web.StateConflictException;

@DisplayName("INT-13 ticket state machine")
class TicketStateTest {

    @Test
    @DisplayName("INT-13 the main path REGISTERED → ACCEPTED → IN_SERVICE → RESOLVED → CLOSED is legal")
    void INT13_mainPath() {
        assertThat(TicketState.REGISTERED.canBecome(TicketState.ACCEPTED)).isTrue();
        assertThat(TicketState.ACCEPTED.canBecome(TicketState.IN_SERVICE)).isTrue();
        assertThat(TicketState.IN_SERVICE.canBecome(TicketState.RESOLVED)).isTrue();
        assertThat(TicketState.RESOLVED.canBecome(TicketState.CLOSED)).isTrue();
    }

    @Test
    @DisplayName("INT-13 terminal states go nowhere; skipping a step is refused with the current state")
    void INT13_illegal() {
        for (TicketState terminal : new TicketState[]{TicketState.CLOSED, TicketState.CANCELLED,
                TicketState.RESOLVED_REMOTELY, TicketState.DECLINED_PAID_SERVICE}) {
            for (TicketState target : TicketState.values()) {
                assertThat(terminal.canBecome(target)).as(terminal + " -> " + target).isFalse();
            }
        }
        assertThatThrownBy(() -> TicketState.REGISTERED.requireTransitionTo(TicketState.CLOSED))
                .isInstanceOfSatisfying(StateConflictException.class,
                        e -> assertThat(e.currentState()).isEqualTo("REGISTERED"));
        assertThat(TicketState.ACCEPTED.canBecome(TicketState.ACCEPTED)).isFalse();
    }
}
