package com.opensvc.aftersales.intake.complaint.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.web.StateConflictException;

class FormReviewStateTest {

    @Test
    @DisplayName("INT-26 only a submitted form is reviewed, only a locked one unlocked; a returned or unlocked form is resubmitted with its correction")
    void INT26_reviewStates() {
        assertThat(FormReviewState.NOT_SUBMITTED.canSubmit()).isTrue();
        assertThat(FormReviewState.NOT_SUBMITTED.submissionNeedsCorrection()).isFalse();
        assertThat(FormReviewState.RETURNED_FAULTY.submissionNeedsCorrection()).isTrue();
        assertThat(FormReviewState.UNLOCKED.submissionNeedsCorrection()).isTrue();
        assertThat(FormReviewState.SUBMITTED.canSubmit()).isFalse();
        assertThat(FormReviewState.LOCKED.canSubmit()).isFalse();
        assertThatThrownBy(FormReviewState.LOCKED::requireReviewable).isInstanceOfSatisfying(StateConflictException.class,
                e -> assertThat(e.currentState()).isEqualTo("LOCKED"));
        assertThatThrownBy(FormReviewState.SUBMITTED::requireUnlockable).isInstanceOf(StateConflictException.class);
        FormReviewState.SUBMITTED.requireReviewable();
        FormReviewState.LOCKED.requireUnlockable();
    }
}
