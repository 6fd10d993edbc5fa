package com.opensvc.aftersales.parts.loan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PRT-03 reconciliation after RepairClosed")
class ReconciliationTest {

    @Test
    @DisplayName("PRT-03 used under warranty with the old serial → consumed under warranty")
    void PRT03_warrantyWithOldSerial() {
        var s = Reconciliation.settle(1, 1, "CMP-OLD-9", "FREE_REPAIR");
        assertThat(s.status()).isEqualTo(LoanStatus.CONSUMED_UNDER_WARRANTY);
        assertThat(s.settledQuantity()).isEqualTo(1);
        assertThat(s.returnQuantity()).isZero();
    }

    @Test
    @DisplayName("PRT-03 used under warranty without the old serial → write-off blocked")
    void PRT03_warrantyWithoutOldSerialBlocks() {
        assertThat(Reconciliation.settle(1, 1, null, "RETURN").status()).isEqualTo(LoanStatus.WRITE_OFF_BLOCKED);
        assertThat(Reconciliation.settle(1, 1, " ", "EXCHANGE").status()).isEqualTo(LoanStatus.WRITE_OFF_BLOCKED);
    }

    @Test
    @DisplayName("PRT-03 used on paid work → awaits the payment reference; unused → returned")
    void PRT03_paidAndUnused() {
        assertThat(Reconciliation.settle(2, 2, "X", "PAID").status()).isEqualTo(LoanStatus.AWAITING_PAYMENT_REFERENCE);
        var unused = Reconciliation.settle(2, 0, null, "FREE_REPAIR");
        assertThat(unused.status()).isEqualTo(LoanStatus.AWAITING_RETURN);
        assertThat(unused.settledQuantity()).isEqualTo(2);
    }

    @Test
    @DisplayName("PRT-03 a partly used loan splits: used part settled, the rest awaits return; over-reported use is capped")
    void PRT03_partialUse() {
        var s = Reconciliation.settle(3, 1, "OLD", "FREE_REPAIR");
        assertThat(s.settledQuantity()).isEqualTo(1);
        assertThat(s.returnQuantity()).isEqualTo(2);
        assertThat(Reconciliation.settle(1, 5, "OLD", "FREE_REPAIR").settledQuantity()).isEqualTo(1);
    }
}
