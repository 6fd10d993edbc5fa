package com.opensvc.aftersales.revisit.happycall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.StateConflictException;

/** INT-26 REV-04: correcting a finished revisit's survey, without Spring. */
class SurveyCorrectionTest {
    private static final Instant CALLED = Instant.parse("2026-06-01T02:00:00Z");
    private static final Instant LATER = CALLED.plusSeconds(86_400);

    private static Revisit answered(Satisfaction overall) {
        Revisit scheduled = Revisit.scheduleHappyCall(UUID.randomUUID(), UUID.randomUUID(), "tech.north",
                Selection.SAMPLED, CALLED.minusSeconds(3600), "system", CALLED.minusSeconds(3600)).revisit();
        return scheduled.recordOutcome(new SurveyAnswers(Satisfaction.SATISFIED, Satisfaction.NEUTRAL, true,
                Satisfaction.SATISFIED, overall, "fine"), "agent.he", CALLED).revisit();
    }

    @Test
    @DisplayName("INT-26 REV-04 a correction changes the other answers and the comment, keeps the outcome, agent and "
            + "time of the call, and publishes nothing")
    void INT26_correctionKeepsTheOutcome() {
        Revisit revisit = answered(Satisfaction.DISSATISFIED);
        RevisitChange change = revisit.correctSurvey(new SurveyAnswers(Satisfaction.DISSATISFIED,
                Satisfaction.DISSATISFIED, false, Satisfaction.NEUTRAL, Satisfaction.DISSATISFIED, "late and rude"),
                LATER);
        Revisit corrected = change.revisit();
        assertThat(change.events()).isEmpty();
        assertThat(corrected.serviceQuality()).isEqualTo(Satisfaction.DISSATISFIED);
        assertThat(corrected.technicalSkill()).isEqualTo(Satisfaction.DISSATISFIED);
        assertThat(corrected.chargeReasonable()).isFalse();
        assertThat(corrected.punctuality()).isEqualTo(Satisfaction.NEUTRAL);
        assertThat(corrected.comment()).isEqualTo("late and rude");
        assertThat(corrected.overall()).isEqualTo(Satisfaction.DISSATISFIED);
        assertThat(corrected.state()).isEqualTo(RevisitState.DISSATISFIED);
        assertThat(corrected.agent()).isEqualTo("agent.he");
        assertThat(corrected.completedAt()).isEqualTo(CALLED);
        assertThat(corrected.version()).isEqualTo(revisit.version() + 1);
    }

    @Test
    @DisplayName("INT-26 REV-05 the overall answer decided the published outcome and is never corrected (400 naming overall)")
    void INT26_overallCannotChange() {
        Revisit revisit = answered(Satisfaction.NEUTRAL);
        assertThatThrownBy(() -> revisit.correctSurvey(new SurveyAnswers(Satisfaction.SATISFIED,
                Satisfaction.SATISFIED, true, Satisfaction.SATISFIED, Satisfaction.SATISFIED, null), LATER))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("overall")));
    }

    @Test
    @DisplayName("INT-26 REV-06 an unreachable revisit has no survey to correct (409 with its state)")
    void INT26_unreachableHasNoSurvey() {
        Revisit unreachable = Revisit.scheduleHappyCall(UUID.randomUUID(), UUID.randomUUID(), "tech.north",
                Selection.SAMPLED, CALLED, "system", CALLED).revisit()
                .recordUnansweredCall(new CallAttempts(1, 1), ZoneId.of("Asia/Shanghai"), "agent.he", LATER).revisit();
        assertThatThrownBy(() -> unreachable.correctSurvey(new SurveyAnswers(Satisfaction.SATISFIED,
                Satisfaction.SATISFIED, true, Satisfaction.SATISFIED, Satisfaction.SATISFIED, null), LATER))
                .isInstanceOfSatisfying(StateConflictException.class,
                        e -> assertThat(e.currentState()).isEqualTo("UNREACHABLE"));
    }
}
