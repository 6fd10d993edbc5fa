package com.opensvc.aftersales.parts.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.parts.loan.LoanEvents.DefectivePartReceived;
import com.opensvc.aftersales.parts.loan.LoanEvents.PartsReturned;
import com.opensvc.aftersales.parts.loan.LoanEvents.PartsWriteOffBlocked;
import com.opensvc.aftersales.parts.production.ProductionRecord.Mismatch;
import com.opensvc.aftersales.parts.stock.MovementReason;
import com.opensvc.aftersales.web.StateConflictException;

@DisplayName("PRT-03 reconciliation after RepairClosed")
class ReconciliationTest {
    private static final Instant AT = Instant.parse("2026-11-23T02:00:00Z");

    private static Loan onLoan(int quantity) {
        return Loan.lend(UUID.randomUUID(), UUID.randomUUID(), "tech.north", "CMP-100", quantity, LoanStatus.ON_LOAN,
                AT.minusSeconds(3600));
    }

    private static Loan.Repair repair(int used, boolean paid, String reference) {
        return new Loan.Repair("AC-3200", "SN-1", paid ? "PAID" : "FREE_REPAIR", "C-COMP", "no cooling", AT, used,
                "O-1", LocalDate.parse("2025-10-12"), paid, reference);
    }

    @Test
    @DisplayName("PRT-03 used under warranty → awaits the old part, with what the technician reported")
    void PRT03_warrantyAwaitsTheOldPart() {
        assertThat(Reconciliation.settle(1, 1, false, null).status()).isEqualTo(LoanStatus.AWAITING_OLD_PART);
        LoanChange change = onLoan(1).settle(repair(1, false, null), "system", AT);
        assertThat(change.loan().status()).isEqualTo(LoanStatus.AWAITING_OLD_PART);
        assertThat(change.loan().oldSerial()).isEqualTo("O-1");
        assertThat(change.loan().productModel()).isEqualTo("AC-3200");
        assertThat(change.loan().closedAt()).isEqualTo(AT);
        assertThat(change.move()).isEmpty();
        assertThat(change.writtenOff()).isEmpty();
    }

    @Test
    @DisplayName("PRT-03 paid work: PAID or the part charged; written off at once with the reference, else awaits it")
    void PRT03_paidWork() {
        assertThat(Reconciliation.paid("PAID", false)).isTrue();
        assertThat(Reconciliation.paid("FREE_REPAIR", true)).isTrue();
        assertThat(Reconciliation.paid("CONTRACT", false)).isFalse();
        assertThat(Reconciliation.settle(2, 2, true, null).status()).isEqualTo(LoanStatus.AWAITING_PAYMENT_REFERENCE);
        assertThat(Reconciliation.settle(2, 2, true, " ").status()).isEqualTo(LoanStatus.AWAITING_PAYMENT_REFERENCE);

        LoanChange atOnce = onLoan(1).settle(repair(1, true, "RCPT-1"), "system", AT);
        assertThat(atOnce.loan().status()).isEqualTo(LoanStatus.CONSUMED_ON_PAID_WORK);
        assertThat(atOnce.loan().settledAt()).isEqualTo(AT);
        assertThat(atOnce.move()).get().satisfies(m -> {
            assertThat(m.reason()).isEqualTo(MovementReason.CONSUMED_ON_PAID_WORK);
            assertThat(m.from()).isEqualTo("TECH-tech.north");
            assertThat(m.to()).isNull();
            assertThat(m.productModel()).isEqualTo("AC-3200");
        });
        assertThat(atOnce.writtenOff()).get().satisfies(w -> assertThat(w.paymentReference()).isEqualTo("RCPT-1"));

        Loan waiting = onLoan(1).settle(repair(1, true, null), "system", AT).loan();
        assertThat(waiting.status()).isEqualTo(LoanStatus.AWAITING_PAYMENT_REFERENCE);
        LoanChange collected = waiting.paymentCollected("BANK-9", "system", AT);
        assertThat(collected.loan().status()).isEqualTo(LoanStatus.CONSUMED_ON_PAID_WORK);
        assertThat(collected.writtenOff()).get().satisfies(w -> assertThat(w.loanId()).isEqualTo(waiting.id()));
        assertThatThrownBy(() -> collected.loan().paymentCollected("BANK-10", "system", AT))
                .isInstanceOf(StateConflictException.class);
    }

    @Test
    @DisplayName("PRT-03 a partly used loan splits: the used part settles, the rest awaits return; over-reported use is capped")
    void PRT03_partialUse() {
        var s = Reconciliation.settle(3, 1, false, null);
        assertThat(s.settledQuantity()).isEqualTo(1);
        assertThat(s.returnQuantity()).isEqualTo(2);
        assertThat(Reconciliation.settle(1, 5, false, null).settledQuantity()).isEqualTo(1);
        var unused = Reconciliation.settle(2, 0, false, null);
        assertThat(unused.status()).isEqualTo(LoanStatus.AWAITING_RETURN);
        assertThat(unused.settledQuantity()).isEqualTo(2);

        LoanChange split = onLoan(3).settle(repair(1, false, null), "system", AT);
        assertThat(split.loan().quantity()).isEqualTo(1);
        assertThat(split.rest()).get().satisfies(rest -> {
            assertThat(rest.status()).isEqualTo(LoanStatus.AWAITING_RETURN);
            assertThat(rest.quantity()).isEqualTo(2);
            assertThat(rest.id()).isNotEqualTo(split.loan().id());
            assertThat(rest.closedAt()).isEqualTo(AT);
        });
    }

    @Test
    @DisplayName("PRT-03 PRT-04 a matching old part writes off under warranty and goes to quality; a mismatch blocks until a match")
    void PRT03_oldPartCheckIn() {
        Loan awaiting = onLoan(1).settle(repair(1, false, null), "system", AT).loan();
        LoanChange blocked = awaiting.checkInOldPart("X-1", null, Optional.of(Mismatch.MISMATCH), "store.wu", AT);
        assertThat(blocked.loan().status()).isEqualTo(LoanStatus.WRITE_OFF_BLOCKED);
        assertThat(blocked.loan().blockReason()).isEqualTo("MISMATCH");
        assertThat(blocked.move()).isEmpty();
        assertThat(blocked.events()).singleElement().isInstanceOf(PartsWriteOffBlocked.class);

        LoanChange consumed = blocked.loan().checkInOldPart(null, LocalDate.parse("2025-10-12"), Optional.empty(),
                "store.wu", AT);
        assertThat(consumed.loan().status()).isEqualTo(LoanStatus.CONSUMED_UNDER_WARRANTY);
        assertThat(consumed.loan().blockReason()).isNull();
        assertThat(consumed.move()).get().satisfies(m -> {
            assertThat(m.reason()).isEqualTo(MovementReason.CONSUMED_UNDER_WARRANTY);
            assertThat(m.productModel()).isEqualTo("AC-3200");
        });
        assertThat(consumed.writtenOff()).get().satisfies(w -> {
            assertThat(w.oldFactoryDate()).isEqualTo(LocalDate.parse("2025-10-12"));
            assertThat(w.loanId()).isEqualTo(awaiting.id());
        });
        assertThat(consumed.events()).singleElement().isInstanceOfSatisfying(DefectivePartReceived.class, d -> {
            assertThat(d.causeCode()).isEqualTo("C-COMP");
            assertThat(d.productSerialNumber()).isEqualTo("SN-1");
        });
        assertThatThrownBy(() -> consumed.loan().checkInOldPart("X", null, Optional.empty(), "store.wu", AT))
                .isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> onLoan(1).checkInOldPart("X", null, Optional.empty(), "store.wu", AT))
                .isInstanceOf(StateConflictException.class);
    }

    @Test
    @DisplayName("PRT-03 unused: returned into the store's quarantine, then restocked or scrapped; a cancelled order's loan is to be returned")
    void PRT03_unusedReturnAndInspection() {
        Loan toReturn = onLoan(1).settle(repair(0, false, null), "system", AT).loan();
        assertThat(toReturn.status()).isEqualTo(LoanStatus.AWAITING_RETURN);
        LoanChange returned = toReturn.returnedUnused("STORE-N", "QUARANTINE-STORE-N", "store.wu", AT);
        assertThat(returned.loan().status()).isEqualTo(LoanStatus.RETURNED_FOR_INSPECTION);
        assertThat(returned.move()).get().satisfies(m -> {
            assertThat(m.reason()).isEqualTo(MovementReason.RETURNED_UNUSED);
            assertThat(m.to()).isEqualTo("QUARANTINE-STORE-N");
        });
        assertThat(returned.events()).singleElement().isInstanceOf(PartsReturned.class);

        LoanChange restocked = returned.loan().inspected(true, "sealed", "QUARANTINE-STORE-N", "qa.li", AT);
        assertThat(restocked.loan().status()).isEqualTo(LoanStatus.RESTOCKED);
        assertThat(restocked.move()).get().satisfies(m -> assertThat(m.to()).isEqualTo("STORE-N"));
        assertThat(restocked.writtenOff()).isEmpty();

        LoanChange scrapped = returned.loan().inspected(false, "bent", "QUARANTINE-STORE-N", "qa.li", AT);
        assertThat(scrapped.loan().status()).isEqualTo(LoanStatus.SCRAPPED);
        assertThat(scrapped.move()).get().satisfies(m -> assertThat(m.to()).isNull());
        assertThat(scrapped.writtenOff()).get().satisfies(w -> assertThat(w.reason()).isEqualTo(MovementReason.SCRAPPED));

        assertThat(onLoan(1).cancelled("sup.zhao", AT).loan().status()).isEqualTo(LoanStatus.AWAITING_RETURN);
        assertThatThrownBy(() -> restocked.loan().inspected(false, "x", "Q", "qa.li", AT))
                .isInstanceOf(StateConflictException.class);
    }
}
