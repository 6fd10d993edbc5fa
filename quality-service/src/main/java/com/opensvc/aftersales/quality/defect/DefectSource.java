package com.opensvc.aftersales.quality.defect;

/** QLT-01: what a defect record was made from. */
public enum DefectSource {
    /** dispatch's RepairClosed with a cause code: one record per repair */
    REPAIR_CLOSED,
    /** parts' DefectivePartReceived: one record per returned part (per warranty loan) */
    DEFECTIVE_PART_RECEIVED
}
