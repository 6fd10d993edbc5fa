package com.opensvc.aftersales.intake.quote;

import java.math.BigDecimal;

/** A priced line as issued; immutable with its quote. */
public record QuoteLine(LineKind kind, String partNumber, Integer quantity, String labourCode, Integer minutes,
                        String travelZone, String description, BigDecimal unitPrice, BigDecimal amount,
                        boolean atCost) {
}
