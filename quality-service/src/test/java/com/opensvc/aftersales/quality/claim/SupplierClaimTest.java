package com.opensvc.aftersales.quality.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.quality.claim.SupplierClaimEvent.SupplierClaimRaised;
import com.opensvc.aftersales.quality.claim.SupplierClaimEvent.SupplierClaimSettled;
import com.opensvc.aftersales.web.StateConflictException;

/** QLT-09: the claim's transitions, their history lines and events, without Spring. */
class SupplierClaimTest {
    private static final Instant NOW = Instant.parse("2026-03-06T09:00:00Z");
    private static final PurchasedComponent PUMP = new PurchasedComponent("PUMP-220V", "Ningbo Pump Co.", "NP-88",
            null, "qe.sun", NOW, 0);

    private static ClaimedFailure failure(UUID ticket) {
        return new ClaimedFailure(UUID.randomUUID(), ticket, "WM-X200", "S-1", "B-1", "PUMP-220V", "Does not drain",
                "PUMP-IMPELLER-BROKEN");
    }

    @Test
    @DisplayName("QLT-09 a claim of a registered component is OPEN with its supplier; of an unknown one NEEDS_SUPPLIER; both announce SupplierClaimRaised")
    void QLT09_raise() {
        UUID ticket = UUID.randomUUID();
        SupplierClaimChange open = SupplierClaim.raise(UUID.randomUUID(), "SC-2026-00001", failure(ticket), PUMP,
                "system:quality-claims", NOW);
        assertThat(open.claim().state()).isEqualTo(SupplierClaimState.OPEN);
        assertThat(open.claim().supplier()).isEqualTo("Ningbo Pump Co.");
        assertThat(open.history().action()).isEqualTo("RAISED");
        SupplierClaimRaised raised = (SupplierClaimRaised) open.events().get(0);
        assertThat(raised.aggregateId()).as("keyed by ticket").isEqualTo(ticket);
        assertThat(raised.state()).isEqualTo("OPEN");

        SupplierClaimChange unknown = SupplierClaim.raise(UUID.randomUUID(), "SC-2026-00002", failure(null), null,
                "qe.sun", NOW);
        assertThat(unknown.claim().state()).isEqualTo(SupplierClaimState.NEEDS_SUPPLIER);
        assertThat(unknown.events().get(0).aggregateId()).as("no ticket: keyed by claim")
                .isEqualTo(unknown.claim().id());
        assertThatThrownBy(() -> unknown.claim().submit("R-1", "qe.sun", NOW))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("NEEDS_SUPPLIER");
        SupplierClaimChange assigned = unknown.claim().assignSupplier(PUMP, "qe.sun", NOW);
        assertThat(assigned.claim().state()).isEqualTo(SupplierClaimState.OPEN);
        assertThat(assigned.claim().supplierPartNumber()).isEqualTo("NP-88");
    }

    @Test
    @DisplayName("QLT-09 OPEN → SUBMITTED → ACCEPTED → SETTLED publishes SupplierClaimSettled; every other move is refused (409)")
    void QLT09_states() {
        SupplierClaim open = SupplierClaim.raise(UUID.randomUUID(), "SC-2026-00003", failure(UUID.randomUUID()), PUMP,
                "system:quality-claims", NOW).claim();
        assertThatThrownBy(() -> open.decide(true, null, "mgr.wu", NOW)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> open.settle(BigDecimal.TEN, "CNY", "mgr.wu", NOW))
                .isInstanceOf(StateConflictException.class);
        SupplierClaim submitted = open.submit(" NP-CL-7 ", "mgr.wu", NOW).claim();
        assertThat(submitted.submissionReference()).isEqualTo("NP-CL-7");
        assertThatThrownBy(() -> submitted.close("give up", "mgr.wu", NOW)).isInstanceOf(StateConflictException.class);
        SupplierClaim accepted = submitted.decide(true, "", "mgr.wu", NOW).claim();
        assertThat(accepted.state()).isEqualTo(SupplierClaimState.ACCEPTED);
        SupplierClaimChange settled = accepted.settle(new BigDecimal("486.5"), "CNY", "mgr.wu", NOW);
        assertThat(settled.claim().recoveredAmount()).isEqualByComparingTo("486.50");
        assertThat(settled.claim().version()).isEqualTo(3);
        assertThat(((SupplierClaimSettled) settled.events().get(0)).recoveredAmount().toPlainString()).isEqualTo("486.50");
        assertThatThrownBy(() -> settled.claim().close("done", "mgr.wu", NOW))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("SETTLED");

        SupplierClaim rejected = open.submit("R", "qe.sun", NOW).claim().decide(false, "not our lot", "qe.sun", NOW)
                .claim();
        assertThat(rejected.decisionNote()).isEqualTo("not our lot");
        assertThatThrownBy(() -> rejected.settle(BigDecimal.ONE, "CNY", "qe.sun", NOW))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("REJECTED");
        SupplierClaimChange closed = rejected.close("supplier refused", "qe.sun", NOW);
        assertThat(closed.claim().state()).isEqualTo(SupplierClaimState.CLOSED);
        assertThat(closed.history().fromState()).isEqualTo(SupplierClaimState.REJECTED);
        assertThat(closed.events()).isEmpty();
    }
}
