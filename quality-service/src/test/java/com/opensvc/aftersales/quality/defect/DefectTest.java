package com.opensvc.aftersales.quality.defect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.quality.defect.DefectEvent.DefectAnalysed;
import com.opensvc.aftersales.quality.defect.DefectEvent.DefectReclassified;
import com.opensvc.aftersales.quality.defect.DefectEvent.DefectRecorded;
import com.opensvc.aftersales.web.StateConflictException;

/** The defect record's rules, without Spring. */
class DefectTest {
    private static final Instant CLOSED = Instant.parse("2026-03-04T10:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Defect.Context KNOWN = new Defect.Context("B-7", LocalDate.parse("2025-10-01"), "EAST",
            UUID.randomUUID());

    private static RepairClosed repair(String entitlement, String handling) {
        return new RepairClosed(UUID.randomUUID(), UUID.randomUUID(), "KFR-35", "SN-1", "  no \t cooling  ",
                " C-VALVE ", entitlement, handling, CLOSED);
    }

    private static DefectivePartReceived part(String productSerial, String symptom, String cause) {
        return new DefectivePartReceived(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "CMP-100", "P-9",
                LocalDate.parse("2025-09-01"), "KFR-35", productSerial, cause, symptom, CLOSED);
    }

    @Test
    @DisplayName("QLT-01 a repair's record: failure mode the symptom normalised, cause the cause code, batch and region from the context")
    void QLT01_recordFromRepair() {
        DefectChange change = Defect.fromRepair(repair("FREE_REPAIR", "ON_SITE"), KNOWN, WEEK, "sys", CLOSED.plusSeconds(2));
        Defect d = change.defect();
        assertThat(d.failureMode()).isEqualTo("no cooling");
        assertThat(d.cause()).isEqualTo("C-VALVE");
        assertThat(d.productionBatch()).isEqualTo("B-7");
        assertThat(d.region()).isEqualTo("EAST");
        assertThat(d.state()).isEqualTo(DefectState.NO_ANALYSIS_NEEDED);
        assertThat(d.analysisDueBy()).isNull();
        assertThat(d.failedAt()).isEqualTo(CLOSED);
        assertThat(d.version()).isEqualTo(1);
        assertThat(change.history().action()).isEqualTo("RECORDED");
        DefectRecorded recorded = (DefectRecorded) change.events().get(0);
        assertThat(recorded.productionBatch()).isEqualTo("B-7");
        assertThat(recorded.source()).isEqualTo("REPAIR_CLOSED");
        assertThat(d.logged().failedAt()).isEqualTo(CLOSED);
    }

    @Test
    @DisplayName("QLT-02 a returned, exchanged or carried-in unit awaits analysis within 7 days of the repair's close")
    void QLT02_returnedProductAwaitsAnalysis() {
        for (RepairClosed r : new RepairClosed[] {repair("RETURN", null), repair("EXCHANGE", "ON_SITE"),
                repair("FREE_REPAIR", "CARRY_IN")}) {
            Defect d = Defect.fromRepair(r, Defect.Context.NONE, WEEK, "sys", CLOSED).defect();
            assertThat(d.state()).as(r.entitlement() + "/" + r.handling()).isEqualTo(DefectState.AWAITING_ANALYSIS);
            assertThat(d.receivedAt()).isEqualTo(CLOSED);
            assertThat(d.analysisDueBy()).isEqualTo(CLOSED.plus(WEEK));
        }
    }

    @Test
    @DisplayName("QLT-01 QLT-02 a returned part's record awaits analysis; without symptom or cause code it says so")
    void QLT01_recordFromReturnedPart() {
        Defect d = Defect.fromReturnedPart(part(null, null, null), null, Defect.Context.NONE, WEEK, "sys", CLOSED)
                .defect();
        assertThat(d.source()).isEqualTo(DefectSource.DEFECTIVE_PART_RECEIVED);
        assertThat(d.serialNumber()).isNull();
        assertThat(d.partNumber()).isEqualTo("CMP-100");
        assertThat(d.partSerial()).isEqualTo("P-9");
        assertThat(d.failureMode()).isEqualTo(Defect.UNSPECIFIED_FAILURE_MODE);
        assertThat(d.cause()).isEqualTo(Defect.CAUSE_PENDING_ANALYSIS);
        assertThat(d.state()).isEqualTo(DefectState.AWAITING_ANALYSIS);
        assertThat(d.analysisDueBy()).isEqualTo(CLOSED.plus(WEEK));
        Defect named = Defect.fromReturnedPart(part("SN-1", "noisy", "C-FAN"), "SN-1", KNOWN, WEEK, "sys", CLOSED)
                .defect();
        assertThat(named.serialNumber()).isEqualTo("SN-1");
        assertThat(named.failureMode()).isEqualTo("noisy");
        assertThat(named.cause()).isEqualTo("C-FAN");
    }

    @Test
    @DisplayName("QLT-01 classifying gives a new version, a history line with before and after, and DefectReclassified")
    void QLT01_classify() {
        Defect d = Defect.fromRepair(repair("FREE_REPAIR", null), KNOWN, WEEK, "sys", CLOSED).defect();
        DefectClassification next = new DefectClassification("leaks", "C-SEAL", ResponsibleDepartment.PRODUCTION,
                "final assembly", null, "B-8", null);
        DefectChange change = d.classify(next, "seal torque", "qe.sun", CLOSED.plusSeconds(60));
        assertThat(change.defect().version()).isEqualTo(2);
        assertThat(change.defect().classification()).isEqualTo(next);
        assertThat(change.defect().state()).isEqualTo(DefectState.NO_ANALYSIS_NEEDED);
        assertThat(change.history().before()).isEqualTo(d.classification());
        assertThat(change.history().after()).isEqualTo(next);
        DefectReclassified event = (DefectReclassified) change.events().get(0);
        assertThat(event.responsibleDepartment()).isEqualTo("PRODUCTION");
        assertThat(event.version()).isEqualTo(2);
        assertThat(change.defect().classified("qe.sun", CLOSED).responsibleProcess()).isEqualTo("final assembly");
    }

    @Test
    @DisplayName("QLT-02 AWAITING_ANALYSIS → ANALYSED, late only after the due time; nothing else is analysed (409)")
    void QLT02_analyse() {
        Defect d = Defect.fromRepair(repair("RETURN", null), KNOWN, WEEK, "sys", CLOSED).defect();
        DefectAnalysisRequest analysis = new DefectAnalysisRequest("bench", "bad valve", "C-VALVE2",
                ResponsibleDepartment.PURCHASING, null, "CMP-100", null);
        DefectChange onTime = d.analyse(analysis, "qe.sun", CLOSED.plus(WEEK));
        assertThat(onTime.defect().state()).isEqualTo(DefectState.ANALYSED);
        assertThat(onTime.defect().analysedLate()).isFalse();
        assertThat(onTime.defect().failureMode()).isEqualTo("no cooling");
        assertThat(onTime.defect().cause()).isEqualTo("C-VALVE2");
        DefectChange late = d.analyse(analysis, "qe.sun", CLOSED.plus(WEEK).plusSeconds(1));
        assertThat(late.defect().analysedLate()).isTrue();
        assertThat(((DefectAnalysed) late.events().get(0)).analysedLate()).isTrue();
        assertThatThrownBy(() -> onTime.defect().analyse(analysis, "qe.sun", CLOSED))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("ANALYSED");
        Defect onSite = Defect.fromRepair(repair("FREE_REPAIR", "ON_SITE"), KNOWN, WEEK, "sys", CLOSED).defect();
        assertThatThrownBy(() -> onSite.analyse(analysis, "qe.sun", CLOSED))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("NO_ANALYSIS_NEEDED");
    }

    @Test
    @DisplayName("QLT-02 the state table allows only AWAITING_ANALYSIS → ANALYSED")
    void QLT02_stateTable() {
        for (DefectState from : DefectState.values()) {
            for (DefectState to : DefectState.values()) {
                assertThat(from.canBecome(to)).as(from + "→" + to)
                        .isEqualTo(from == DefectState.AWAITING_ANALYSIS && to == DefectState.ANALYSED);
            }
        }
    }

    @Test
    @DisplayName("QLT-02 days overdue are whole days begun since the due time")
    void QLT02_daysOverdue() {
        Instant due = CLOSED;
        assertThat(DefectRepository.daysOverdue(due, due.plusSeconds(1))).isEqualTo(1);
        assertThat(DefectRepository.daysOverdue(due, due.plus(Duration.ofDays(1)))).isEqualTo(1);
        assertThat(DefectRepository.daysOverdue(due, due.plus(Duration.ofDays(3)).plusSeconds(5))).isEqualTo(4);
    }
}
