package com.opensvc.aftersales.parts.loan;

import java.util.Optional;

import com.opensvc.aftersales.parts.loan.PartsEvent.WrittenOff;
import com.opensvc.aftersales.parts.stock.MovementReason;
import com.opensvc.aftersales.parts.stock.PartLine;

/** A loan as settled (PRT-03), and the unused rest lent on until it is returned. */
record LoanChange(Loan settled, Optional<Loan> toReturn) {

    /** What left the technician's holding, if the loan was consumed under warranty. */
    Optional<PartLine> consumedUnderWarranty() {
        return settled.status() == LoanStatus.CONSUMED_UNDER_WARRANTY
                ? Optional.of(new PartLine(settled.partNumber(), settled.quantity()))
                : Optional.empty();
    }

    WrittenOff writtenOff() {
        return new WrittenOff(settled.partNumber(), settled.quantity(), MovementReason.CONSUMED_UNDER_WARRANTY,
                settled.oldSerial());
    }
}
