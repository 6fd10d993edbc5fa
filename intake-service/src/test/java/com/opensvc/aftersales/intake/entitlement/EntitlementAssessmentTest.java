package com.opensvc.aftersales.intake.entitlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("INT-06 entitlement of an installed product: warranty start basis, model and contract extensions, CONTRACT")
class EntitlementAssessmentTest {
    private static final LocalDate SHIPPED = LocalDate.of(2025, 3, 1);
    private static final LocalDate SOLD = LocalDate.of(2025, 6, 1);
    private static final LocalDate ACCEPTED = LocalDate.of(2025, 7, 1);
    private static final ProductDates DATES = new ProductDates(SHIPPED, SOLD, ACCEPTED);

    @Test
    @DisplayName("INT-06 the product line chooses ship date, sale date or installation acceptance date as the start")
    void INT06_warrantyStartBasis() {
        LocalDate reported = LocalDate.of(2026, 4, 1);
        assertThat(assess(WarrantyTerms.WarrantyStart.SHIP_DATE, 0, null, reported).entitlement()).isEqualTo(Entitlement.PAID);
        Assessment bySale = assess(WarrantyTerms.WarrantyStart.SALE_DATE, 0, null, reported);
        assertThat(bySale.entitlement()).isEqualTo(Entitlement.FREE_REPAIR);
        assertThat(bySale.warrantyStart()).isEqualTo(SOLD);
        assertThat(bySale.warrantyEnd()).as("the last covered day").isEqualTo(LocalDate.of(2026, 5, 31));
        assertThat(assess(WarrantyTerms.WarrantyStart.INSTALLATION_ACCEPTANCE_DATE, 0, null, ACCEPTED.plusDays(7))
                .entitlement()).isEqualTo(Entitlement.RETURN);
    }

    @Test
    @DisplayName("INT-06 a model extends the warranty: 12 + 6 months")
    void INT06_modelExtension() {
        LocalDate afterTwelveMonths = SHIPPED.plusMonths(12);
        assertThat(assess(WarrantyTerms.WarrantyStart.SHIP_DATE, 0, null, afterTwelveMonths).entitlement())
                .isEqualTo(Entitlement.PAID);
        assertThat(assess(WarrantyTerms.WarrantyStart.SHIP_DATE, 6, null, afterTwelveMonths).entitlement())
                .isEqualTo(Entitlement.FREE_REPAIR);
        assertThat(assess(WarrantyTerms.WarrantyStart.SHIP_DATE, 6, null, SHIPPED.plusMonths(18)).entitlement())
                .isEqualTo(Entitlement.PAID);
    }

    @Test
    @DisplayName("INT-06 a running contract that covers the requested service gives CONTRACT, even out of warranty")
    void INT06_contractCoversService() {
        ContractCoverage onSite = new ContractCoverage("SC-1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                Set.of("ON_SITE"), 0);
        LocalDate reported = LocalDate.of(2026, 5, 1);
        assertThat(assess(WarrantyTerms.WarrantyStart.SHIP_DATE, 0, onSite, reported).entitlement())
                .isEqualTo(Entitlement.CONTRACT);
        assertThat(EntitlementPolicy.assess(DATES, terms(WarrantyTerms.WarrantyStart.SHIP_DATE), 0, onSite, "CARRY_IN",
                reported).entitlement()).as("the contract does not cover carry-in").isEqualTo(Entitlement.PAID);
        assertThat(assess(WarrantyTerms.WarrantyStart.SHIP_DATE, 0, onSite, LocalDate.of(2027, 1, 1)).entitlement())
                .as("the day after the contract ends").isEqualTo(Entitlement.PAID);
        assertThat(EntitlementPolicy.assess(new ProductDates(null, null, null), terms(WarrantyTerms.WarrantyStart.SHIP_DATE),
                0, onSite, "ON_SITE", reported).entitlement()).as("no ship date, but covered").isEqualTo(Entitlement.CONTRACT);
    }

    @Test
    @DisplayName("INT-06 RETURN and EXCHANGE windows come before CONTRACT; a contract may extend the warranty")
    void INT06_statutoryWindowsFirstAndContractExtension() {
        ContractCoverage covering = new ContractCoverage("SC-2", SHIPPED, SHIPPED.plusYears(3), Set.of("ON_SITE"), 0);
        assertThat(assess(WarrantyTerms.WarrantyStart.SHIP_DATE, 0, covering, SHIPPED.plusDays(5)).entitlement())
                .isEqualTo(Entitlement.RETURN);
        assertThat(assess(WarrantyTerms.WarrantyStart.SHIP_DATE, 0, covering, SHIPPED.plusDays(20)).entitlement())
                .isEqualTo(Entitlement.EXCHANGE);
        ContractCoverage extending = new ContractCoverage("SC-3", SHIPPED, SHIPPED.plusYears(3), Set.of("INSTALLATION"), 12);
        assertThat(assess(WarrantyTerms.WarrantyStart.SHIP_DATE, 0, extending, SHIPPED.plusMonths(18)).entitlement())
                .isEqualTo(Entitlement.FREE_REPAIR);
    }

    @Test
    @DisplayName("INT-06 no start date yet: the entitlement is unknown, with the reason")
    void INT06_unknownUntilDateKnown() {
        Assessment unknown = EntitlementPolicy.assess(new ProductDates(SHIPPED, null, null),
                terms(WarrantyTerms.WarrantyStart.SALE_DATE), 0, null, "ON_SITE", LocalDate.of(2025, 4, 1));
        assertThat(unknown.entitlement()).isNull();
        assertThat(unknown.reason()).contains("SALE_DATE");
    }

    @Test
    @DisplayName("INT-06 RETURN and EXCHANGE are offered only after an engineer confirmed the quality problem")
    void INT06_engineerConfirmsBeforeReturnOrExchange() {
        assertThat(Remedy.allowedBy(Entitlement.RETURN, false)).containsExactly(Remedy.REPAIR);
        assertThat(Remedy.allowedBy(Entitlement.RETURN, true)).containsExactlyInAnyOrder(Remedy.RETURN, Remedy.EXCHANGE, Remedy.REPAIR);
        assertThat(Remedy.allowedBy(Entitlement.EXCHANGE, false)).containsExactly(Remedy.REPAIR);
        assertThat(Remedy.allowedBy(Entitlement.EXCHANGE, true)).containsExactlyInAnyOrder(Remedy.EXCHANGE, Remedy.REPAIR);
        assertThat(Remedy.allowedBy(Entitlement.FREE_REPAIR, true)).containsExactly(Remedy.REPAIR);
    }

    @Test
    @DisplayName("INT-06 the catalogue is checked at start-up: a model must name a configured product line")
    void INT06_catalogueValidated() {
        WarrantyTerms line = WarrantyTerms.DEFAULT;
        assertThatThrownBy(() -> new EntitlementProperties(line, Map.of("AIR_CONDITIONER", line),
                Map.of("AC-1", new ModelTerms("FRIDGE", 0, true))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FRIDGE");
        EntitlementProperties ok = new EntitlementProperties(line, Map.of("AIR_CONDITIONER", line),
                Map.of("AC-1", new ModelTerms("AIR_CONDITIONER", 6, false)));
        assertThat(ok.warrantyExtensionMonths("AC-1")).isEqualTo(6);
        assertThat(ok.warrantyExtensionMonths("unknown")).isZero();
    }

    private static Assessment assess(WarrantyTerms.WarrantyStart basis, int modelMonths, ContractCoverage contract,
                                     LocalDate reported) {
        return EntitlementPolicy.assess(DATES, terms(basis), modelMonths, contract, "ON_SITE", reported);
    }

    private static WarrantyTerms terms(WarrantyTerms.WarrantyStart basis) {
        return new WarrantyTerms(basis, 7, 30, 12);
    }
}
