package com.opensvc.aftersales.dispatch.charge;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import lombok.RequiredArgsConstructor;

/**
 * DSP-05: the charges of a fixed visit — priced from dispatch's copy of the parts catalogue (INT-08) and the entered
 * travel and service lines — and the charge form kept for each charged work order (RPT-02).
 */
@Service
@RequiredArgsConstructor
public class Charges {
    private final PartPriceRepository prices;
    private final ChargeRepository sheets;
    private final ChargeProperties properties;

    /** A part the technician used, as reported ({@code partsUsed[i]}). */
    public record UsedPart(String partNumber, int quantity) {
    }

    /**
     * Prices the visit of work order {@code workOrderId} (see {@link ChargePricing}); 400 naming each bad field.
     *
     * @return empty when nothing is charged
     */
    public Optional<ChargeSheet> price(UUID workOrderId, UUID ticketId, String technician, String entitlement,
                                       ChargesInput charges, PaymentInput payment, List<UsedPart> partsUsed,
                                       Instant now) {
        return ChargePricing.price(new ChargePricing.Order(workOrderId, ticketId, technician, entitlement), charges,
                payment, partsUsed, prices.latest(partsUsed.stream().map(UsedPart::partNumber).toList()),
                properties.currency(), now);
    }

    /** Keeps the charge form, in the transaction that closes the work order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(ChargeSheet sheet) {
        sheets.insert(sheet);
    }

    public Optional<ChargeSheet> of(UUID workOrderId) {
        return sheets.find(workOrderId);
    }

    /** INT-08: the catalogue's latest prices of the issued parts. */
    @Transactional
    public void partsIssued(PartsIssued issued) {
        String currency = issued.currency() == null ? properties.currency() : issued.currency();
        issued.lines().stream().filter(line -> line.unitPrice() != null).forEach(line -> prices.remember(
                new PartPrice(line.partNumber(), Money.of(line.unitPrice()), currency), issued.occurredAt()));
    }
}
