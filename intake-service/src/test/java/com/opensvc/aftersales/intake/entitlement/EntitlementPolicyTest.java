package com.opensvc.aftersales.intake.entitlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("INT-06 entitlement: the three guarantees")
class EntitlementPolicyTest {
    private static final LocalDate SHIPPED = LocalDate.of(2026, 1, 10);

    @ParameterizedTest(name = "INT-06 day {0} after shipping -> {1}")
    @CsvSource({
            "0, RETURN", "1, RETURN", "7, RETURN",
            "8, EXCHANGE", "15, EXCHANGE", "30, EXCHANGE",
            "31, FREE_REPAIR", "200, FREE_REPAIR"})
    void INT06_boundariesInDays(int days, Entitlement expected) {
        assertThat(EntitlementPolicy.decide(SHIPPED, SHIPPED.plusDays(days), WarrantyTerms.DEFAULT)).isEqualTo(expected);
    }

    @Test
    @DisplayName("INT-06 warrantyEnd is the last covered day: a fault reported on it is free repair, the day after paid")
    void INT06_warrantyEnd() {
        LocalDate warrantyEnd = EntitlementPolicy.warrantyEnd(SHIPPED, WarrantyTerms.DEFAULT);
        assertThat(warrantyEnd).isEqualTo(LocalDate.of(2027, 1, 9));
        assertThat(EntitlementPolicy.decide(SHIPPED, warrantyEnd, WarrantyTerms.DEFAULT)).isEqualTo(Entitlement.FREE_REPAIR);
        assertThat(EntitlementPolicy.decide(SHIPPED, warrantyEnd.plusDays(1), WarrantyTerms.DEFAULT)).isEqualTo(Entitlement.PAID);
        assertThat(EntitlementPolicy.decide(SHIPPED, LocalDate.of(2027, 1, 9), WarrantyTerms.DEFAULT)).isEqualTo(Entitlement.FREE_REPAIR);
        assertThat(EntitlementPolicy.decide(SHIPPED, LocalDate.of(2027, 1, 10), WarrantyTerms.DEFAULT)).isEqualTo(Entitlement.PAID);
        assertThat(EntitlementPolicy.decide(SHIPPED, LocalDate.of(2030, 5, 1), WarrantyTerms.DEFAULT)).isEqualTo(Entitlement.PAID);
    }

    @Test
    @DisplayName("INT-06 periods are per product line configuration: a 24-month line, 15 exchange days")
    void INT06_configurablePeriods() {
        WarrantyTerms terms = new WarrantyTerms(WarrantyTerms.WarrantyStart.SALE_DATE, 3, 15, 24);
        assertThat(EntitlementPolicy.decide(SHIPPED, SHIPPED.plusDays(3), terms)).isEqualTo(Entitlement.RETURN);
        assertThat(EntitlementPolicy.decide(SHIPPED, SHIPPED.plusDays(4), terms)).isEqualTo(Entitlement.EXCHANGE);
        assertThat(EntitlementPolicy.decide(SHIPPED, SHIPPED.plusDays(16), terms)).isEqualTo(Entitlement.FREE_REPAIR);
        assertThat(EntitlementPolicy.decide(SHIPPED, LocalDate.of(2028, 1, 9), terms)).isEqualTo(Entitlement.FREE_REPAIR);
        assertThat(EntitlementPolicy.decide(SHIPPED, LocalDate.of(2028, 1, 10), terms)).isEqualTo(Entitlement.PAID);
    }

    @Test
    @DisplayName("INT-06 a month-end start: 31 Jan + 12 months ends 31 Jan, not 28 Feb")
    void INT06_monthEndStart() {
        LocalDate start = LocalDate.of(2026, 1, 31);
        assertThat(EntitlementPolicy.decide(start, LocalDate.of(2027, 1, 30), WarrantyTerms.DEFAULT)).isEqualTo(Entitlement.FREE_REPAIR);
        assertThat(EntitlementPolicy.decide(start, LocalDate.of(2027, 1, 31), WarrantyTerms.DEFAULT)).isEqualTo(Entitlement.PAID);
    }

    @Test
    @DisplayName("INT-06 a fault reported before the warranty starts is refused")
    void INT06_reportedBeforeStart() {
        assertThatThrownBy(() -> EntitlementPolicy.decide(SHIPPED, SHIPPED.minusDays(1), WarrantyTerms.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WarrantyTerms(WarrantyTerms.WarrantyStart.SHIP_DATE, 30, 7, 12))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
