package com.opensvc.aftersales.revisit.happycall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.web.StateConflictException;

@DisplayName("REV-05 revisit state machine and outcome")
class RevisitStateTest {

    @Test
    @DisplayName("REV-05 a scheduled revisit completes or ends dissatisfied; both are final")
    void REV05_transitions() {
        assertThat(RevisitState.SCHEDULED.canBecome(RevisitState.COMPLETED)).isTrue();
        assertThat(RevisitState.SCHEDULED.canBecome(RevisitState.DISSATISFIED)).isTrue();
        for (RevisitState terminal : new RevisitState[]{RevisitState.COMPLETED, RevisitState.DISSATISFIED}) {
            for (RevisitState target : RevisitState.values()) {
                assertThat(terminal.canBecome(target)).as(terminal + " -> " + target).isFalse();
            }
        }
        assertThatThrownBy(() -> RevisitState.COMPLETED.requireTransitionTo(RevisitState.DISSATISFIED))
                .isInstanceOfSatisfying(StateConflictException.class,
                        e -> assertThat(e.currentState()).isEqualTo("COMPLETED"));
    }

    @Test
    @DisplayName("REV-05 satisfied completes, neutral completes flagged for review, dissatisfied is dissatisfied")
    void REV05_outcomeOfOverallAnswer() {
        assertThat(RevisitOutcome.stateFor(Satisfaction.VERY_SATISFIED)).isEqualTo(RevisitState.COMPLETED);
        assertThat(RevisitOutcome.stateFor(Satisfaction.SATISFIED)).isEqualTo(RevisitState.COMPLETED);
        assertThat(RevisitOutcome.stateFor(Satisfaction.NEUTRAL)).isEqualTo(RevisitState.COMPLETED);
        assertThat(RevisitOutcome.stateFor(Satisfaction.DISSATISFIED)).isEqualTo(RevisitState.DISSATISFIED);
        assertThat(RevisitOutcome.flaggedForReview(Satisfaction.VERY_SATISFIED)).isFalse();
        assertThat(RevisitOutcome.flaggedForReview(Satisfaction.SATISFIED)).isFalse();
        assertThat(RevisitOutcome.flaggedForReview(Satisfaction.NEUTRAL)).isTrue();
    }
}
