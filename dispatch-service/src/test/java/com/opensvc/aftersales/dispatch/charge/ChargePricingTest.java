package com.opensvc.aftersales.dispatch.charge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.web.InvalidFieldException;

/** DSP-05, INT-08: the arithmetic and rules of a visit's charges. */
class ChargePricingTest {
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final Map<String, PartPrice> CATALOGUE = Map.of(
            "CMP-100", new PartPrice("CMP-100", new BigDecimal("420.00"), "CNY"),
            "HOSE-15", new PartPrice("HOSE-15", new BigDecimal("35.50"), "CNY"),
            "USD-1", new PartPrice("USD-1", new BigDecimal("10.00"), "USD"));
    private static final List<Charges.UsedPart> PARTS = List.of(new Charges.UsedPart("CMP-100", 1),
            new Charges.UsedPart("HOSE-15", 2));
    private static final ChargesInput TRAVEL_AND_SERVICE = new ChargesInput(null, null, List.of(
            new ChargesInput.LineInput(ChargeKind.TRAVEL, "Travel 35 km", new BigDecimal("80"), null, null),
            new ChargesInput.LineInput(ChargeKind.SERVICE, "Labour 1 h", new BigDecimal("150.00"), null, null)));

    private static ChargePricing.Order order(String entitlement) {
        return new ChargePricing.Order(UUID.randomUUID(), UUID.randomUUID(), "tech.south", entitlement);
    }

    private static Optional<ChargeSheet> price(String entitlement, ChargesInput charges, PaymentInput payment,
                                               List<Charges.UsedPart> parts) {
        return ChargePricing.price(order(entitlement), charges, payment, parts, CATALOGUE, "CNY", NOW);
    }

    private static List<String> refusedFields(Runnable pricing) {
        try {
            pricing.run();
        } catch (InvalidFieldException refused) {
            return refused.errors().stream().map(InvalidFieldException.FieldError::field).toList();
        }
        throw new AssertionError("not refused");
    }

    @Test
    @DisplayName("DSP-05 INT-08 paid work: parts at the catalogue price, travel and service as entered, totals per kind and overall")
    void DSP05_paidWorkIsPricedFromTheCatalogue() {
        ChargeSheet sheet = price("PAID", TRAVEL_AND_SERVICE,
                new PaymentInput(PaymentMethod.COLLECTED_ON_SITE, "RCPT-1", new BigDecimal("721.00")), PARTS).orElseThrow();
        ChargeSheet.Charges charges = sheet.charges();
        assertThat(charges.lines()).extracting(ChargeSheet.Line::kind)
                .containsExactly(ChargeKind.PARTS, ChargeKind.PARTS, ChargeKind.TRAVEL, ChargeKind.SERVICE);
        assertThat(charges.lines().get(1).unitPrice()).isEqualByComparingTo("35.50");
        assertThat(charges.lines().get(1).amount()).isEqualByComparingTo("71.00");
        assertThat(charges.partsTotal()).isEqualByComparingTo("491.00");
        assertThat(charges.travelTotal()).isEqualByComparingTo("80.00");
        assertThat(charges.serviceTotal()).isEqualByComparingTo("150.00");
        assertThat(charges.total()).isEqualByComparingTo("721.00").hasToString("721.00");
        assertThat(charges.currency()).isEqualTo("CNY");
        assertThat(sheet.payment().amountDue()).as("cash on site is due until finance receives it")
                .isEqualByComparingTo("721.00");
    }

    @Test
    @DisplayName("DSP-05 INT-08 a paid-work part with no known price (or priced in another currency) is refused naming partsUsed[i].partNumber")
    void DSP05_unpricedPartIsRefused() {
        List<Charges.UsedPart> parts = List.of(new Charges.UsedPart("CMP-100", 1), new Charges.UsedPart("NEW-9", 1),
                new Charges.UsedPart("USD-1", 1));
        assertThat(refusedFields(() -> price("PAID", null, new PaymentInput(PaymentMethod.INVOICED, "INV-1", null),
                parts))).containsExactly("partsUsed[1].partNumber", "partsUsed[2].partNumber");
    }

    @Test
    @DisplayName("DSP-05 work that is not PAID is charged only with chargeable=true (and then without its parts); otherwise charges or a payment → 400")
    void DSP05_nonPaidWork() {
        assertThat(price("FREE_REPAIR", null, null, PARTS)).isEmpty();
        assertThat(refusedFields(() -> price("FREE_REPAIR", TRAVEL_AND_SERVICE, null, PARTS)))
                .containsExactly("charges.chargeable");
        assertThat(refusedFields(() -> price("FREE_REPAIR", null,
                new PaymentInput(PaymentMethod.INVOICED, "INV-1", null), PARTS))).containsExactly("payment");
        ChargesInput travel = new ChargesInput(true, "unit cannot be removed: travel is charged (INT-08)", List.of(
                new ChargesInput.LineInput(ChargeKind.TRAVEL, "Travel", new BigDecimal("60.00"), null, null)));
        ChargeSheet sheet = price("FREE_REPAIR", travel, new PaymentInput(PaymentMethod.INVOICED, "INV-2", null), PARTS)
                .orElseThrow();
        assertThat(sheet.charges().lines()).hasSize(1);
        assertThat(sheet.charges().total()).isEqualByComparingTo("60.00");
        assertThat(sheet.charges().chargeableReason()).contains("cannot be removed");
    }

    @Test
    @DisplayName("DSP-05 payment: required when something is charged, never above the total; a prepayment reduces what is due")
    void DSP05_paymentRules() {
        assertThat(refusedFields(() -> price("PAID", TRAVEL_AND_SERVICE, null, PARTS))).containsExactly("payment");
        assertThat(refusedFields(() -> price("PAID", TRAVEL_AND_SERVICE,
                new PaymentInput(PaymentMethod.COLLECTED_ON_SITE, null, new BigDecimal("721.01")), PARTS)))
                .containsExactly("payment.amountCollected");
        ChargeSheet prepaid = price("PAID", TRAVEL_AND_SERVICE,
                new PaymentInput(PaymentMethod.PREPAID, "PRE-7", new BigDecimal("500.00")), PARTS).orElseThrow();
        assertThat(prepaid.payment().amountDue()).isEqualByComparingTo("221.00");
        ChargeSheet whole = price("PAID", TRAVEL_AND_SERVICE, new PaymentInput(PaymentMethod.PREPAID, "PRE-8", null),
                PARTS).orElseThrow();
        assertThat(whole.payment().amountDue()).isEqualByComparingTo("0.00");
        assertThat(price("PAID", null, null, List.of()).orElseThrow().charges().total()).as("nothing to pay")
                .isEqualByComparingTo("0");
        assertThat(refusedFields(() -> price("PAID", null, new PaymentInput(PaymentMethod.INVOICED, "INV-3", null),
                List.of()))).containsExactly("payment");
    }
}
