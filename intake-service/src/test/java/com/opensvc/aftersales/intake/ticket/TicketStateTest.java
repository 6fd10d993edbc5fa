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

    @Test
    @DisplayName("INT-13 INT-07 all 144 pairs of states: exactly the documented transitions are legal, including every side state")
    void INT13_everyPairMatchesTheDocumentedTable() {
        java.util.Map<TicketState, java.util.Set<TicketState>> documented = java.util.Map.ofEntries(
                java.util.Map.entry(TicketState.REGISTERED, java.util.EnumSet.of(TicketState.ACCEPTED, TicketState.AWAITING_QUOTE,
                        TicketState.PENDING, TicketState.REJECTED, TicketState.CANCELLED, TicketState.RESOLVED_REMOTELY,
                        TicketState.RESOLVED)),
                // INT-07 (issue 11): an accepted ticket whose entitlement became PAID returns to IN_SERVICE when its
                // quote is approved
                java.util.Map.entry(TicketState.AWAITING_QUOTE, java.util.EnumSet.of(TicketState.ACCEPTED,
                        TicketState.IN_SERVICE, TicketState.DECLINED_PAID_SERVICE, TicketState.CANCELLED)),
                java.util.Map.entry(TicketState.PENDING, java.util.EnumSet.of(TicketState.REGISTERED, TicketState.ACCEPTED,
                        TicketState.IN_SERVICE, TicketState.REOPENED, TicketState.CANCELLED)),
                // INT-07 (issue 11): an entitlement change to PAID after acceptance waits for a quote
                java.util.Map.entry(TicketState.ACCEPTED, java.util.EnumSet.of(TicketState.IN_SERVICE, TicketState.PENDING,
                        TicketState.AWAITING_QUOTE, TicketState.CANCELLED, TicketState.RESOLVED)),
                java.util.Map.entry(TicketState.IN_SERVICE, java.util.EnumSet.of(TicketState.RESOLVED, TicketState.PENDING,
                        TicketState.AWAITING_QUOTE)),
                java.util.Map.entry(TicketState.RESOLVED, java.util.EnumSet.of(TicketState.CLOSED, TicketState.REOPENED)),
                java.util.Map.entry(TicketState.REOPENED, java.util.EnumSet.of(TicketState.ACCEPTED, TicketState.REJECTED,
                        TicketState.PENDING, TicketState.RESOLVED)),
                java.util.Map.entry(TicketState.REJECTED, java.util.EnumSet.of(TicketState.REOPENED)));
        int legal = 0;
        for (TicketState from : TicketState.values()) {
            for (TicketState to : TicketState.values()) {
                boolean expected = documented.getOrDefault(from, java.util.Set.of()).contains(to);
                assertThat(from.canBecome(to)).as(from + " -> " + to).isEqualTo(expected);
                legal += expected ? 1 : 0;
            }
        }
        assertThat(legal).isEqualTo(31);
    }

    @Test
    @DisplayName("INT-13 every state is reachable from REGISTERED and every open state can still end")
    void INT13_reachableAndEnding() {
        java.util.Set<TicketState> reached = java.util.EnumSet.of(TicketState.REGISTERED);
        java.util.Deque<TicketState> queue = new java.util.ArrayDeque<>(reached);
        while (!queue.isEmpty()) {
            TicketState state = queue.poll();
            for (TicketState next : TicketState.values()) {
                if (state.canBecome(next) && reached.add(next)) {
                    queue.add(next);
                }
            }
        }
        assertThat(reached).containsExactlyInAnyOrder(TicketState.values());
        for (TicketState state : TicketState.values()) {
            boolean canMove = java.util.Arrays.stream(TicketState.values()).anyMatch(state::canBecome);
            assertThat(canMove || state.isTerminal()).as(state + " is stuck").isTrue();
        }
        assertThat(TicketState.open()).doesNotContain(TicketState.CLOSED, TicketState.CANCELLED, TicketState.REJECTED,
                TicketState.RESOLVED_REMOTELY, TicketState.DECLINED_PAID_SERVICE);
    }
}
