package com.opensvc.aftersales.intake.installedbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.intake.installedbase.ProductionRecordInput.ComponentInput;
import com.opensvc.aftersales.intake.ticket.TicketEvent;
import com.opensvc.aftersales.web.InvalidFieldException;

/** PRT-03: what a production inspection record must hold to be matched against a returned old part. */
class ProductionRecordRulesTest {
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final LocalDate INSPECTED = LocalDate.parse("2025-11-04");

    private static ProductionRecord record(ComponentInput... components) {
        return InstalledProductService.productionRecord(new ProductionRecordInput(" B2025-44 ", INSPECTED, "qc.zhang",
                List.of(components)), "qc.zhang", NOW);
    }

    private static List<String> fields(Runnable call) {
        try {
            call.run();
        } catch (InvalidFieldException e) {
            return e.errors().stream().map(InvalidFieldException.FieldError::field).toList();
        }
        throw new AssertionError("no InvalidFieldException");
    }

    @Test
    @DisplayName("PRT-03 a component names a serial number or a factory date; text is trimmed; who and when are kept")
    void PRT03_serialOrFactoryDate() {
        ProductionRecord record = record(new ComponentInput(" CMP-100 ", " CMP-25-778812 ", null),
                new ComponentInput("FLT-200", null, LocalDate.parse("2025-10-28")));
        assertThat(record.productionBatch()).isEqualTo("B2025-44");
        assertThat(record.components()).containsExactly(
                new ProductionRecord.Component("CMP-100", "CMP-25-778812", null),
                new ProductionRecord.Component("FLT-200", null, LocalDate.parse("2025-10-28")));
        assertThat(record.recordedBy()).isEqualTo("qc.zhang");
        assertThat(record.recordedAt()).isEqualTo(NOW);

        assertThat(fields(() -> record(new ComponentInput("CMP-100", "S1", null), new ComponentInput("PCB-300", null, null),
                new ComponentInput("FLT-200", null, null))))
                .containsExactly("components[1].serialNumber", "components[2].serialNumber");
    }

    @Test
    @DisplayName("PRT-03 a part number and serial number appear once; blank text is refused; no component made after the inspection")
    void PRT03_duplicatesBlanksAndDates() {
        assertThat(fields(() -> record(new ComponentInput("CMP-100", "S1", null), new ComponentInput("CMP-100", "S2", null),
                new ComponentInput("CMP-100", " S1", null))))
                .containsExactly("components[2].serialNumber");
        assertThat(record(new ComponentInput("FLT-200", null, INSPECTED), new ComponentInput("FLT-200", null, INSPECTED))
                .components()).as("two unserialised filters of one part number are two components").hasSize(2);
        assertThat(fields(() -> record(new ComponentInput("CMP-100", " ", INSPECTED))))
                .containsExactly("components[0].serialNumber");
        assertThat(fields(() -> InstalledProductService.productionRecord(new ProductionRecordInput(" ", null, "",
                List.of(new ComponentInput("CMP-100", "S1", null))), "qc.zhang", NOW)))
                .containsExactlyInAnyOrder("productionBatch", "inspector");
        assertThat(fields(() -> record(new ComponentInput("CMP-100", "S1", INSPECTED.plusDays(1)))))
                .containsExactly("components[0].factoryDate");
    }

    @Test
    @DisplayName("EVT-02 InstalledProductRecorded goes to aftersales.intake.ticket keyed by the installed product")
    void EVT02_topicAndKey() {
        var event = new InstalledProductRecorded(java.util.UUID.randomUUID(), 1, java.util.UUID.randomUUID(), "KFR-35GW",
                "AIR_CONDITIONER", "SN-1", null, null, null, "desk.li", NOW);
        assertThat(event.aggregateType()).isEqualTo(TicketEvent.AGGREGATE_TYPE);
        assertThat(event.aggregateId()).isEqualTo(event.installedProductId());
        assertThat(event.eventType()).isEqualTo("InstalledProductRecorded");
    }
}
