package com.opensvc.aftersales.revisit.review;

import static com.opensvc.aftersales.revisit.review.RevisitReviewState.LOCKED;
import static com.opensvc.aftersales.revisit.review.RevisitReviewState.NOT_SUBMITTED;
import static com.opensvc.aftersales.revisit.review.RevisitReviewState.RETURNED_FAULTY;
import static com.opensvc.aftersales.revisit.review.RevisitReviewState.SUBMITTED;
import static com.opensvc.aftersales.revisit.review.RevisitReviewState.UNLOCKED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.revisit.happycall.RevisitState;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.StateConflictException;

/** INT-26: the review table of a revisit and its steps, without Spring. */
class RevisitReviewStateTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");

    @Test
    @DisplayName("INT-26 the review table: submit, lock or return, correct and resubmit, unlock only when locked")
    void INT26_transitionTable() {
        Map<RevisitReviewState, Set<RevisitReviewState>> legal = Map.of(
                NOT_SUBMITTED, EnumSet.of(SUBMITTED),
                SUBMITTED, EnumSet.of(LOCKED, RETURNED_FAULTY),
                RETURNED_FAULTY, EnumSet.of(SUBMITTED),
                LOCKED, EnumSet.of(UNLOCKED),
                UNLOCKED, EnumSet.of(SUBMITTED));
        for (RevisitReviewState from : RevisitReviewState.values()) {
            for (RevisitReviewState to : RevisitReviewState.values()) {
                assertThat(from.canBecome(to)).as(from + " → " + to).isEqualTo(legal.get(from).contains(to));
                if (!legal.get(from).contains(to)) {
                    assertThatThrownBy(() -> from.requireTransitionTo(to, "move"))
                            .isInstanceOfSatisfying(StateConflictException.class,
                                    e -> assertThat(e.currentState()).isEqualTo(from.name()));
                }
            }
        }
        assertThat(EnumSet.allOf(RevisitReviewState.class)).filteredOn(RevisitReviewState::allowsCorrection)
                .containsExactlyInAnyOrder(RETURNED_FAULTY, UNLOCKED);
    }

    @Test
    @DisplayName("INT-26 only a finished revisit (COMPLETED, DISSATISFIED, UNREACHABLE) is reviewed")
    void INT26_finishedStates() {
        assertThat(RevisitReviewService.FINISHED).containsExactlyInAnyOrder(RevisitState.COMPLETED,
                RevisitState.DISSATISFIED, RevisitState.UNREACHABLE);
    }

    @Test
    @DisplayName("INT-26 a whole cycle: submitted, returned faulty (counted for the agent in the company year), "
            + "corrected and resubmitted, locked, unlocked with a reason, resubmitted")
    void INT26_wholeCycle() {
        RevisitReview fresh = RevisitReview.notSubmitted(UUID.randomUUID());
        ReviewChange submitted = fresh.submit(null, "{}", "agent.he", NOW);
        assertThat(submitted.review().state()).isEqualTo(SUBMITTED);
        assertThat(submitted.review().cycle()).isEqualTo(1);
        assertThat(submitted.entry().snapshot()).isEqualTo("{}");

        // 31 December 17:00 UTC is already 1 January in Shanghai: the fault counts in the new year
        Instant newYearInShanghai = Instant.parse("2026-12-31T17:00:00Z");
        ReviewChange returned = submitted.review().returnFaulty(" wrong score ", "agent.he", SHANGHAI, "sup.ma",
                newYearInShanghai);
        assertThat(returned.review().state()).isEqualTo(RETURNED_FAULTY);
        assertThat(returned.entry().faultyAgent()).isEqualTo("agent.he");
        assertThat(returned.entry().faultyYear()).isEqualTo(2027);
        assertThat(returned.entry().reason()).isEqualTo("wrong score");

        assertThatThrownBy(() -> returned.review().submit("  ", "{}", "agent.he", NOW))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("correction"));
        ReviewChange resubmitted = returned.review().submit("skill corrected", "{}", "agent.he", NOW);
        assertThat(resubmitted.review().cycle()).isEqualTo(1);
        assertThat(resubmitted.entry().correction()).isEqualTo("skill corrected");

        ReviewChange locked = resubmitted.review().lock(null, "{\"v\":1}", "sup.ma", NOW);
        assertThat(locked.review().locked()).isTrue();
        assertThatThrownBy(() -> locked.review().lock(null, "{}", "sup.li", NOW))
                .isInstanceOfSatisfying(StateConflictException.class,
                        e -> assertThat(e.currentState()).isEqualTo("LOCKED"));
        assertThatThrownBy(() -> locked.review().submit("x", "{}", "agent.he", NOW))
                .isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> locked.review().unlock(" ", "dir.zhao", NOW))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("reason"));

        ReviewChange unlocked = locked.review().unlock("customer called back", "dir.zhao", NOW);
        assertThat(unlocked.review().state()).isEqualTo(UNLOCKED);
        assertThat(unlocked.review().locked()).isFalse();
        assertThatThrownBy(() -> unlocked.review().submit(null, "{}", "agent.he", NOW))
                .isInstanceOf(InvalidFieldException.class);
        assertThat(unlocked.review().submit("comment completed", "{}", "agent.he", NOW).review().state())
                .isEqualTo(SUBMITTED);
    }

    @Test
    @DisplayName("INT-26 a faulty return needs a reason; an unsubmitted revisit cannot be reviewed or unlocked (409)")
    void INT26_returnNeedsReason() {
        RevisitReview submitted = RevisitReview.notSubmitted(UUID.randomUUID()).submit(null, "{}", "agent.he", NOW)
                .review();
        assertThatThrownBy(() -> submitted.returnFaulty(null, "agent.he", SHANGHAI, "sup.ma", NOW))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("reason"));
        RevisitReview fresh = RevisitReview.notSubmitted(UUID.randomUUID());
        assertThatThrownBy(() -> fresh.lock(null, "{}", "sup.ma", NOW))
                .isInstanceOfSatisfying(StateConflictException.class,
                        e -> assertThat(e.currentState()).isEqualTo("NOT_SUBMITTED"));
        assertThatThrownBy(() -> fresh.returnFaulty("x", "agent.he", SHANGHAI, "sup.ma", NOW))
                .isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> fresh.unlock("x", "dir.zhao", NOW)).isInstanceOf(StateConflictException.class);
    }
}
