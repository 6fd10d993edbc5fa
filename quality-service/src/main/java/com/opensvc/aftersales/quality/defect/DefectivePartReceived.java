package com.opensvc.aftersales.quality.defect;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * What quality reads of parts' DefectivePartReceived (PRT-04): the defective old part came back to the store and is
 * forwarded to quality for analysis (QLT-01, QLT-02). One defect record per loan.
 *
 * @param serialNumber        the part's own serial, when it has one
 * @param factoryDate         the part's factory date, when it has one
 * @param productSerialNumber the repaired unit's serial, when known
 * @param occurredAt          the receipt: the analysis is due within 7 days of it
 */
public record DefectivePartReceived(@NotNull UUID loanId, @NotNull UUID workOrderId, @NotNull UUID ticketId,
                                    @NotNull String partNumber, String serialNumber, LocalDate factoryDate,
                                    @NotNull String productModel, String productSerialNumber, String causeCode,
                                    String symptom, @NotNull Instant occurredAt) {
}
