package com.opensvc.aftersales.intake.entitlement;

import java.util.EnumSet;
import java.util.Set;

/** INT-11 remedies; {@link #allowedBy} is INT-06's "carried out only after an engineer confirmed the problem". */
public enum Remedy {
    RETURN, EXCHANGE, REPAIR, COMPENSATION, REPLENISH, REPACK_COST, DISCOUNT, EXPLANATION;

    /**
     * The product remedies an entitlement offers. RETURN and EXCHANGE need a recorded inspection that confirmed the
     * quality problem; until then the ticket offers repair.
     */
    public static Set<Remedy> allowedBy(Entitlement entitlement, boolean qualityProblemConfirmed) {
        if (entitlement == null) {
            return EnumSet.of(REPAIR);
        }
        return switch (entitlement) {
            case RETURN -> qualityProblemConfirmed ? EnumSet.of(RETURN, EXCHANGE, REPAIR) : EnumSet.of(REPAIR);
            case EXCHANGE -> qualityProblemConfirmed ? EnumSet.of(EXCHANGE, REPAIR) : EnumSet.of(REPAIR);
            case FREE_REPAIR, CONTRACT, PAID -> EnumSet.of(REPAIR);
        };
    }
}
