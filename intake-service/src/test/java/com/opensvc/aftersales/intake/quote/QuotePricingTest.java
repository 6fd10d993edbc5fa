package com.opensvc.aftersales.intake.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.intake.entitlement.Entitlement;
import com.opensvc.aftersales.intake.ticket.ServiceType;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.StateConflictException;

class QuotePricingTest {
    private static final Instant T = Instant.parse("2026-03-05T09:00:00Z");
    private static final QuotePricing.PriceList PRICES = new QuotePricing.PriceList(
            Map.of("CMP-100", new Prices.PartPrice("CMP-100", "Compressor", new BigDecimal("1800.00"), new BigDecimal("1200.00"), 0, T, "store"),
                    "FLT-7", new Prices.PartPrice("FLT-7", null, new BigDecimal("12.35"), new BigDecimal("5.10"), 0, T, "store")),
            Map.of("STD", new Prices.LabourRate("STD", "Standard labour", new BigDecimal("120.00"), 0, T, "finance"),
                    "ODD", new Prices.LabourRate("ODD", null, new BigDecimal("100.00"), 0, T, "finance")),
            Map.of("NORTH", new Prices.TravelPrice("NORTH", "Travel north", new BigDecimal("80.00"), 0, T, "finance")));
    private static final QuoteProperties PROPERTIES = new QuoteProperties(Duration.ofDays(14), new BigDecimal("5000.00"),
            "CNY", PaymentTerms.ON_SITE, PaymentTerms.PREPAID, Duration.ofMinutes(1), 100, true);

    private static IssueQuoteRequest.Line part(String number, Integer quantity) {
        return new IssueQuoteRequest.Line(LineKind.PART, number, quantity, null, null, null);
    }

    private static IssueQuoteRequest.Line labour(String code, Integer minutes) {
        return new IssueQuoteRequest.Line(LineKind.LABOUR, null, null, code, minutes, null);
    }

    private static IssueQuoteRequest.Line travel(String zone) {
        return new IssueQuoteRequest.Line(LineKind.TRAVEL, null, null, null, null, zone);
    }

    private static QuotePricing.Job paid(ServiceType type) {
        return new QuotePricing.Job(Entitlement.PAID, type, true, "NORTH");
    }

    private static List<String> fields(Runnable pricing) {
        try {
            pricing.run();
        } catch (InvalidFieldException e) {
            return e.errors().stream().map(InvalidFieldException.FieldError::field).toList();
        }
        throw new AssertionError("expected an InvalidFieldException");
    }

    @Test
    @DisplayName("INT-08 parts at catalogue price, labour at the finance rate for the minutes, travel per visit; total in BigDecimal")
    void INT08_linesAndTotal() {
        var priced = QuotePricing.price(paid(ServiceType.ON_SITE),
                List.of(part("CMP-100", 2), labour("STD", 90), travel(null), part("FLT-7", 3)), PRICES);

        assertThat(priced.lines()).extracting(QuoteLine::amount).containsExactly(
                new BigDecimal("3600.00"), new BigDecimal("180.00"), new BigDecimal("80.00"), new BigDecimal("37.05"));
        assertThat(priced.lines()).noneMatch(QuoteLine::atCost);
        assertThat(priced.lines().get(2).travelZone()).as("travel defaults to the customer's region").isEqualTo("NORTH");
        assertThat(priced.total()).isEqualTo(new BigDecimal("3897.05"));
    }

    @Test
    @DisplayName("INT-08 labour minutes are charged pro rata and rounded half-up to the cent")
    void INT08_labourRounding() {
        var priced = QuotePricing.price(paid(ServiceType.ON_SITE), List.of(labour("ODD", 7)), PRICES);

        assertThat(priced.total()).isEqualTo(new BigDecimal("11.67"));
    }

    @Test
    @DisplayName("INT-08 out-of-warranty depot repair (CARRY_IN) prices parts at cost and defaults to PREPAID")
    void INT08_depotRepairAtCost() {
        var priced = QuotePricing.price(paid(ServiceType.CARRY_IN), List.of(part("CMP-100", 2), labour("STD", 60)), PRICES);

        assertThat(priced.lines().getFirst().unitPrice()).isEqualTo(new BigDecimal("1200.00"));
        assertThat(priced.lines().getFirst().atCost()).isTrue();
        assertThat(priced.total()).isEqualTo(new BigDecimal("2520.00"));
        assertThat(QuotePricing.paymentTerms(null, ServiceType.CARRY_IN, PROPERTIES)).isEqualTo(PaymentTerms.PREPAID);
        assertThat(QuotePricing.paymentTerms(null, ServiceType.ON_SITE, PROPERTIES)).isEqualTo(PaymentTerms.ON_SITE);
        assertThat(QuotePricing.paymentTerms(PaymentTerms.INVOICED_SAME_DAY, ServiceType.CARRY_IN, PROPERTIES))
                .isEqualTo(PaymentTerms.INVOICED_SAME_DAY);
    }

    @Test
    @DisplayName("INT-08 under warranty only travel is charged, and only to a product that cannot be removed, on site")
    void INT08_travelUnderWarrantyForNonRemovable() {
        var nonRemovable = new QuotePricing.Job(Entitlement.FREE_REPAIR, ServiceType.ON_SITE, false, "NORTH");
        var priced = QuotePricing.price(nonRemovable, List.of(travel("NORTH")), PRICES);
        assertThat(priced.total()).isEqualTo(new BigDecimal("80.00"));

        var removable = new QuotePricing.Job(Entitlement.FREE_REPAIR, ServiceType.ON_SITE, true, "NORTH");
        assertThat(fields(() -> QuotePricing.price(removable, List.of(travel("NORTH")), PRICES))).containsExactly("removable");

        var depot = new QuotePricing.Job(Entitlement.FREE_REPAIR, ServiceType.CARRY_IN, false, "NORTH");
        assertThat(fields(() -> QuotePricing.price(depot, List.of(travel("NORTH")), PRICES))).containsExactly("removable");

        assertThat(fields(() -> QuotePricing.price(nonRemovable, List.of(travel("NORTH"), part("CMP-100", 1), labour("STD", 30)), PRICES)))
                .containsExactly("lines[1].kind", "lines[2].kind");
    }

    @Test
    @DisplayName("INT-08 manager approval above the limit: exactly at the limit is not above, one cent more is")
    void INT08_managerThresholdBoundary() {
        BigDecimal limit = PROPERTIES.managerApprovalAbove();

        assertThat(QuotePricing.needsManagerApproval(new BigDecimal("4999.99"), limit)).isFalse();
        assertThat(QuotePricing.needsManagerApproval(new BigDecimal("5000.00"), limit)).isFalse();
        assertThat(QuotePricing.needsManagerApproval(new BigDecimal("5000"), limit)).isFalse();
        assertThat(QuotePricing.needsManagerApproval(new BigDecimal("5000.01"), limit)).isTrue();
    }

    @Test
    @DisplayName("INT-08 lines without a price or a required value are refused, each field named")
    void INT08_unpricedLinesNameEachField() {
        assertThat(fields(() -> QuotePricing.price(paid(ServiceType.ON_SITE), List.of(part("NOPE-1", 1), labour("NOPE", 30),
                part("CMP-100", null), labour(null, null), travel("SOUTH")), PRICES)))
                .containsExactly("lines[0].partNumber", "lines[1].labourCode", "lines[2].quantity",
                        "lines[3].labourCode", "lines[3].minutes", "lines[4].travelZone");

        var noRegion = new QuotePricing.Job(Entitlement.PAID, ServiceType.ON_SITE, true, null);
        assertThat(fields(() -> QuotePricing.price(noRegion, List.of(travel(null)), PRICES))).containsExactly("lines[0].travelZone");

        var unknownEntitlement = new QuotePricing.Job(null, ServiceType.ON_SITE, true, "NORTH");
        assertThat(fields(() -> QuotePricing.price(unknownEntitlement, List.of(travel(null)), PRICES))).containsExactly("entitlement");
    }

    @Test
    @DisplayName("INT-08 quote states: only the table's transitions; an illegal one is a 409 with the current state")
    void INT08_quoteStateMachine() {
        assertThat(QuoteState.ISSUED.canBecome(QuoteState.ACCEPTED_BY_CUSTOMER)).isTrue();
        assertThat(QuoteState.ACCEPTED_BY_CUSTOMER.canBecome(QuoteState.AWAITING_MANAGER)).isTrue();
        assertThat(QuoteState.AWAITING_MANAGER.canBecome(QuoteState.APPROVED)).isTrue();
        assertThat(QuoteState.ISSUED.canBecome(QuoteState.EXPIRED)).isTrue();
        assertThat(QuoteState.ISSUED.canBecome(QuoteState.APPROVED)).isFalse();
        assertThat(QuoteState.APPROVED.canBecome(QuoteState.EXPIRED)).isFalse();
        assertThat(QuoteState.DECLINED.canBecome(QuoteState.ACCEPTED_BY_CUSTOMER)).isFalse();
        for (QuoteState closed : List.of(QuoteState.DECLINED, QuoteState.EXPIRED, QuoteState.SUPERSEDED)) {
            for (QuoteState target : QuoteState.values()) {
                assertThat(closed.canBecome(target)).as(closed + " -> " + target).isFalse();
            }
        }
        assertThatThrownBy(() -> QuoteState.EXPIRED.requireTransitionTo(QuoteState.ACCEPTED_BY_CUSTOMER))
                .isInstanceOfSatisfying(StateConflictException.class, e -> assertThat(e.currentState()).isEqualTo("EXPIRED"));
    }
}
