package com.opensvc.aftersales.parts.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.web.StateConflictException;

/** PRT-03: the loan's table of legal moves; every loan ends in exactly one outcome. */
class LoanStatusTest {

    /** Every path from ON_LOAN through the table (a self-move, a repeated mismatch, is walked once). */
    private static List<List<LoanStatus>> paths(LoanStatus from, List<LoanStatus> so, List<List<LoanStatus>> all) {
        List<LoanStatus> path = new ArrayList<>(so);
        path.add(from);
        if (from.next().isEmpty()) {
            all.add(path);
            return all;
        }
        for (LoanStatus next : from.next()) {
            if (!path.contains(next)) {
                paths(next, path, all);
            }
        }
        return all;
    }

    @Test
    @DisplayName("PRT-03 every path a loan can take ends in exactly one outcome, and nothing leaves an outcome")
    void PRT03_everyPathEndsInExactlyOneOutcome() {
        List<List<LoanStatus>> paths = paths(LoanStatus.ON_LOAN, List.of(), new ArrayList<>());
        assertThat(paths).isNotEmpty();
        for (List<LoanStatus> path : paths) {
            assertThat(path.getLast().isOutcome()).as(path.toString()).isTrue();
            assertThat(path.stream().filter(LoanStatus::isOutcome)).as(path.toString()).hasSize(1);
        }
        // every status is reachable, and from every one an outcome is reachable (no dead end, WRITE_OFF_BLOCKED included)
        Set<LoanStatus> seen = EnumSet.noneOf(LoanStatus.class);
        paths.forEach(seen::addAll);
        assertThat(seen).containsExactlyInAnyOrder(LoanStatus.values());
        assertThat(paths.stream().map(List::getLast).distinct()).containsExactlyInAnyOrder(
                LoanStatus.CONSUMED_UNDER_WARRANTY, LoanStatus.CONSUMED_ON_PAID_WORK, LoanStatus.RESTOCKED,
                LoanStatus.SCRAPPED);
        for (LoanStatus outcome : LoanStatus.OUTCOMES) {
            for (LoanStatus any : LoanStatus.values()) {
                assertThat(outcome.canBecome(any)).as(outcome + " → " + any).isFalse();
            }
        }
        assertThat(LoanStatus.WRITE_OFF_BLOCKED.isOutcome()).isFalse();
    }

    @Test
    @DisplayName("PRT-03 an illegal move is refused with the current state (409): a loan never settles twice")
    void PRT03_illegalMovesAreRefused() {
        assertThatThrownBy(() -> LoanStatus.CONSUMED_UNDER_WARRANTY.requireTransitionTo(LoanStatus.CONSUMED_UNDER_WARRANTY))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("CONSUMED_UNDER_WARRANTY");
        assertThatThrownBy(() -> LoanStatus.ON_LOAN.requireTransitionTo(LoanStatus.CONSUMED_UNDER_WARRANTY))
                .isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> LoanStatus.AWAITING_RETURN.requireTransitionTo(LoanStatus.RESTOCKED))
                .isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> LoanStatus.AWAITING_PAYMENT_REFERENCE.requireTransitionTo(LoanStatus.CONSUMED_UNDER_WARRANTY))
                .isInstanceOf(StateConflictException.class);
        assertThat(LoanStatus.WRITE_OFF_BLOCKED.requireTransitionTo(LoanStatus.CONSUMED_UNDER_WARRANTY))
                .isEqualTo(LoanStatus.CONSUMED_UNDER_WARRANTY);
    }
}
