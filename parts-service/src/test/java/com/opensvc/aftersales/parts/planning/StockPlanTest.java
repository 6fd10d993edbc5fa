package com.opensvc.aftersales.parts.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** PRT-06: the flag follows available; only the crossing below minimum publishes. */
class StockPlanTest {
    private static final Instant NOW = Instant.parse("2026-03-04T09:00:00Z");

    private static StockPlan plan() {
        return StockPlan.create("STORE-NORTH", "CMP-100", new StockFigures(2, 5, 20), "store.wu", NOW);
    }

    @Test
    @DisplayName("PRT-06 falling below minimum publishes once with maximum − available; staying below publishes nothing")
    void PRT06_oncePerCrossing() {
        StockPlanChange six = plan().observe(new StockPlan.StockLevel(6, 0), "system:parts-planning", NOW);
        assertThat(six.flagChanged()).isFalse();
        assertThat(six.events()).isEmpty();

        StockPlanChange four = six.plan().observe(new StockPlan.StockLevel(6, 2), "system:parts-planning", NOW);
        assertThat(four.plan().belowMinimum()).isTrue();
        assertThat(four.events()).singleElement().satisfies(e -> {
            assertThat(e.available()).isEqualTo(4);
            assertThat(e.suggestedOrderQuantity()).isEqualTo(16);
            assertThat(e.aggregateId()).isEqualTo(StockBelowMinimum.planKey("STORE-NORTH", "CMP-100"));
        });

        StockPlanChange three = four.plan().observe(new StockPlan.StockLevel(3, 0), "system:parts-planning", NOW);
        assertThat(three.flagChanged()).isFalse();
        assertThat(three.events()).isEmpty();

        StockPlanChange back = three.plan().observe(new StockPlan.StockLevel(5, 0), "system:parts-planning", NOW);
        assertThat(back.flagChanged()).isTrue();
        assertThat(back.plan().belowMinimum()).isFalse();
        assertThat(back.events()).isEmpty();

        assertThat(back.plan().observe(new StockPlan.StockLevel(4, 0), "system:parts-planning", NOW).events())
                .hasSize(1);
    }

    @Test
    @DisplayName("PRT-06 status: below safety stock, below minimum, or OK; revising keeps the flag and counts a version")
    void PRT06_statusAndRevision() {
        assertThat(PlanStatus.of(1, 2, 5)).isEqualTo(PlanStatus.BELOW_SAFETY_STOCK);
        assertThat(PlanStatus.of(2, 2, 5)).isEqualTo(PlanStatus.BELOW_MINIMUM);
        assertThat(PlanStatus.of(5, 2, 5)).isEqualTo(PlanStatus.OK);
        StockPlan flagged = plan().observe(new StockPlan.StockLevel(0, 0), "store.wu", NOW).plan();
        StockPlan revised = flagged.revise(new StockFigures(1, 3, 9), "store.li", NOW.plusSeconds(60));
        assertThat(revised.belowMinimum()).isTrue();
        assertThat(revised.version()).isEqualTo(2);
        assertThat(revised.updatedBy()).isEqualTo("store.li");
    }
}
