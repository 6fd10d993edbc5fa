package com.opensvc.aftersales.quality.defect;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * What quality reads of dispatch's RepairClosed. serialNumber is required by RepairClosed: a missing one makes the
 * event malformed. A repair closed without a cause code reports no defect.
 *
 * @param entitlement RETURN or EXCHANGE: the unit itself came back (QLT-02)
 * @param handling    CARRY_IN: the unit was brought in (QLT-02); null when not reported
 */
public record RepairClosed(@NotNull UUID ticketId, @NotNull UUID workOrderId, @NotNull String productModel,
                           @NotNull String serialNumber, @NotNull String symptom, String causeCode, String entitlement,
                           String handling, @NotNull Instant occurredAt) {
    private static final Set<String> PRODUCT_RETURNED = Set.of("RETURN", "EXCHANGE");

    boolean hasCauseCode() {
        return causeCode != null && !causeCode.isBlank();
    }

    /** QLT-02: the product physically came back (returned, exchanged or carried in), so it is analysed. */
    boolean productCameBack() {
        return PRODUCT_RETURNED.contains(entitlement) || "CARRY_IN".equals(handling);
    }
}
