package com.opensvc.aftersales.parts.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.parts.loan.IssueProperties.PartialIssue;
import com.opensvc.aftersales.parts.loan.PartsEvent.PartsBackordered;
import com.opensvc.aftersales.parts.loan.PartsEvent.PartsIssued;
import com.opensvc.aftersales.parts.stock.PartLine;
import com.opensvc.aftersales.web.StateConflictException;

/** PRT-01: the reservation's decisions and its state table, without a database. */
class ReservationTest {
    private static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");
    private static final LocalDate EXPECTED = LocalDate.parse("2026-11-30");
    private static final Map<String, BigDecimal> PRICES = Map.of("CMP-100", new BigDecimal("1280.00"),
            "FLT-200", new BigDecimal("45.00"));

    private static Reservation requested(BigDecimal limit, PartLine... lines) {
        return Reservation.requested(new PartsRequest(UUID.randomUUID(), UUID.randomUUID(), "tech.north", "STORE-N",
                List.of(lines)), PRICES, limit, "CNY", "sup.zhao", NOW);
    }

    @Test
    @DisplayName("PRT-01 the value is Σ quantity × catalogue price; above the limit the request waits for approval and issues nothing")
    void PRT01_aboveTheLimitAwaitsApproval() {
        Reservation r = requested(new BigDecimal("3000"), new PartLine("CMP-100", 3)).reserved("CMP-100", 3);
        assertThat(r.value()).isEqualByComparingTo("3840");
        ReservationChange change = r.progress(PartialIssue.WAIT_FOR_ALL, EXPECTED, "sup.zhao", NOW);
        assertThat(change.reservation().status()).isEqualTo(ReservationState.AWAITING_APPROVAL);
        assertThat(change.toIssue()).isEmpty();
        assertThat(change.events()).isEmpty();

        ReservationChange approved = change.reservation().approve("store.wu", NOW)
                .progress(PartialIssue.WAIT_FOR_ALL, EXPECTED, "store.wu", NOW);
        assertThat(approved.reservation().status()).isEqualTo(ReservationState.ISSUED);
        assertThat(approved.toIssue()).containsExactly(new PartLine("CMP-100", 3));
        assertThat(((PartsIssued) approved.events().get(0)).complete()).isTrue();
    }

    @Test
    @DisplayName("PRT-01 WAIT_FOR_ALL keeps the available line reserved and back-orders; ISSUE_AVAILABLE issues it (complete=false), then back-orders")
    void PRT01_partialModes() {
        Reservation r = requested(new BigDecimal("3000"), new PartLine("FLT-200", 2), new PartLine("CMP-100", 1))
                .reserved("FLT-200", 2);
        ReservationChange waiting = r.progress(PartialIssue.WAIT_FOR_ALL, EXPECTED, "sup.zhao", NOW);
        assertThat(waiting.reservation().status()).isEqualTo(ReservationState.BACKORDERED);
        assertThat(waiting.toIssue()).isEmpty();
        assertThat(waiting.backorderOpens()).isTrue();
        assertThat(waiting.missing()).containsExactly(new PartLine("CMP-100", 1));
        assertThat(waiting.events()).singleElement().isInstanceOf(PartsBackordered.class);

        ReservationChange partly = r.progress(PartialIssue.ISSUE_AVAILABLE, EXPECTED, "sup.zhao", NOW);
        assertThat(partly.reservation().status()).isEqualTo(ReservationState.PARTLY_ISSUED);
        assertThat(partly.toIssue()).containsExactly(new PartLine("FLT-200", 2));
        assertThat(partly.events()).hasSize(2);
        assertThat(((PartsIssued) partly.events().get(0)).complete()).isFalse();
        assertThat(partly.events().get(1)).isInstanceOf(PartsBackordered.class);

        ReservationChange rest = partly.reservation().reserved("CMP-100", 1)
                .progress(PartialIssue.ISSUE_AVAILABLE, EXPECTED, "store.wu", NOW);
        assertThat(rest.reservation().status()).isEqualTo(ReservationState.ISSUED);
        assertThat(rest.toIssue()).containsExactly(new PartLine("CMP-100", 1));
        assertThat(rest.backorderOpens()).isFalse();
        assertThat(((PartsIssued) rest.events().get(0)).complete()).isTrue();
    }

    @Test
    @DisplayName("PRT-01 the state table refuses illegal moves with 409: no approving, rejecting or superseding a finished request")
    void PRT01_stateTableRefusesIllegalMoves() {
        Reservation issued = requested(new BigDecimal("3000"), new PartLine("FLT-200", 1)).reserved("FLT-200", 1)
                .progress(PartialIssue.WAIT_FOR_ALL, EXPECTED, "sup.zhao", NOW).reservation();
        assertThat(issued.status()).isEqualTo(ReservationState.ISSUED);
        assertThatThrownBy(() -> issued.approve("store.wu", NOW)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> issued.reject("no", "store.wu", NOW)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> issued.supersede(NOW)).isInstanceOf(StateConflictException.class);

        Reservation backordered = requested(new BigDecimal("3000"), new PartLine("FLT-200", 1))
                .progress(PartialIssue.WAIT_FOR_ALL, EXPECTED, "sup.zhao", NOW).reservation();
        assertThatThrownBy(() -> backordered.reject("no", "store.wu", NOW))
                .as("only a request awaiting approval is rejected").isInstanceOf(StateConflictException.class);
        assertThat(ReservationState.REJECTED.canBecome(ReservationState.ISSUED)).isFalse();
        assertThat(ReservationState.SUPERSEDED.canBecome(ReservationState.BACKORDERED)).isFalse();
    }
}
