package com.opensvc.aftersales.parts.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.messaging.InboundEvents;
import com.opensvc.aftersales.parts.production.ProductionRecord.Component;
import com.opensvc.aftersales.parts.production.ProductionRecord.Mismatch;
import com.opensvc.aftersales.testkit.ConsumerContracts;

class ProductionRecordTest {
    private static final LocalDate MADE = LocalDate.parse("2025-10-12");
    private static final ProductionRecord RECORD = new ProductionRecord(UUID.randomUUID(), 2, "KFR-35GW", "SN-1", null,
            true, "B1", null, List.of(new Component("CMP-100", "CMP-25-1", MADE), new Component("FLT-200", null, MADE)));

    @Test
    @DisplayName("PRT-03 the old part matches when its serial OR its factory date is the production record's")
    void PRT03_serialOrFactoryDateMatches() {
        assertThat(RECORD.check("CMP-100", "CMP-25-1", null)).isEmpty();
        assertThat(RECORD.check("CMP-100", " cmp-25-1 ", null)).as("case and blanks around ignored").isEmpty();
        assertThat(RECORD.check("CMP-100", "OTHER", MADE)).isEmpty();
        assertThat(RECORD.check("FLT-200", null, MADE)).isEmpty();
        assertThat(RECORD.check("CMP-100", "OTHER", MADE.plusDays(1))).contains(Mismatch.MISMATCH);
        assertThat(RECORD.check("FLT-200", "ANY", null)).contains(Mismatch.MISMATCH);
        assertThat(RECORD.check("PCB-300", "CMP-25-1", MADE)).contains(Mismatch.PART_NOT_IN_PRODUCTION_RECORD);
        assertThat(ProductionRecord.check(Optional.empty(), "CMP-100", "CMP-25-1", MADE))
                .contains(Mismatch.NO_PRODUCTION_RECORD);
        ProductionRecord none = new ProductionRecord(UUID.randomUUID(), 1, "KFR-35GW", "SN-2", null, false, null, null,
                List.of());
        assertThat(none.check("CMP-100", "CMP-25-1", MADE)).contains(Mismatch.NO_PRODUCTION_RECORD);
    }

    @Test
    @DisplayName("EVT-03 PRT-03 parts reads every schema example of InstalledProductRecorded")
    void EVT03_readsTheSchemaExamples() {
        ConsumerContracts.assertReadsSchemaExamples(
                new ProductionRecordListener().installedProductEvents(InboundEvents.withoutInbox(), null));
    }
}
