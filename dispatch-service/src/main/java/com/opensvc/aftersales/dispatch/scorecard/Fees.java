package com.opensvc.aftersales.dispatch.scorecard;

import java.math.BigDecimal;

import com.opensvc.aftersales.dispatch.charge.ChargeSheet;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.RepairClosed;

/** DSP-05, DSP-10, RPT-01: what a closed repair charged, split as RPT-01 reports fees. */
public record Fees(BigDecimal parts, BigDecimal travel, BigDecimal service, BigDecimal total) {
    static final Fees NONE = new Fees(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    /**
     * The one place the scorecards and reports take a repair's revenue from: the charges RepairClosed carries (DSP-05);
     * a repair that charged nothing (warranty work) brings none.
     */
    static Fees of(RepairClosed closed) {
        ChargeSheet.Charges charges = closed.charges();
        return charges == null ? NONE
                : new Fees(charges.partsTotal(), charges.travelTotal(), charges.serviceTotal(), charges.total());
    }
}
