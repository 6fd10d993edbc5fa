package com.opensvc.aftersales.dispatch.techsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.dispatch.techsupport.TechSupportEvents.TechSupportRequested;
import com.opensvc.aftersales.dispatch.techsupport.TechSupportEvents.TechSupportSolved;
import com.opensvc.aftersales.dispatch.workorder.PartLine;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.RepairNotFixed;
import com.opensvc.aftersales.web.StateConflictException;

@DisplayName("DSP-06 INT-23 a technical support request decides its transitions")
class TechSupportRequestTest {
    private static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");

    private static RepairNotFixed notFixed() {
        return new RepairNotFixed(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "tech.north", "WM-X200",
                "drum full", "E21", "cleaned filter", 60, "controller fault?", List.of(), "tech.north", NOW);
    }

    @Test
    @DisplayName("DSP-06 a NOT_FIXED visit opens an OPEN request with its work order and TechSupportRequested(NOT_FIXED)")
    void DSP06_opensFromTheVisit() {
        RepairNotFixed visit = notFixed();
        TechSupportChange change = TechSupportRequest.fromNotFixedVisit(visit);
        assertThat(change.opens()).isTrue();
        assertThat(change.request().state()).isEqualTo(TechSupportState.OPEN);
        assertThat(change.request().askedBy("tech.north")).isTrue();
        assertThat(change.request().askedBy("tech.south")).isFalse();
        assertThat(change.events()).singleElement().isInstanceOfSatisfying(TechSupportRequested.class, e -> {
            assertThat(e.source()).isEqualTo(TechSupportSource.NOT_FIXED);
            assertThat(e.workOrderId()).isEqualTo(visit.workOrderId());
            assertThat(e.ticketId()).isEqualTo(visit.ticketId());
            assertThat(e.aggregateId()).as("EVT-02 keyed by the ticket").isEqualTo(visit.ticketId());
            assertThat(e.question()).isEqualTo("controller fault?");
        });
    }

    @Test
    @DisplayName("DSP-06 OPEN → SOLVED once (TechSupportSolved with the parts); OPEN → CLOSED with a reason; nothing after")
    void DSP06_solvedOnce() {
        TechSupportRequest open = TechSupportRequest.fromNotFixedVisit(notFixed()).request();
        TechSupportChange solved = open.solve("replace the board", List.of(new PartLine("CTRL-WMX-C", 1)), "eng.wu", NOW);
        assertThat(solved.request().state()).isEqualTo(TechSupportState.SOLVED);
        assertThat(solved.request().version()).isEqualTo(1);
        assertThat(solved.events()).singleElement().isInstanceOfSatisfying(TechSupportSolved.class,
                e -> assertThat(e.partsNeeded()).containsExactly(new PartLine("CTRL-WMX-C", 1)));
        assertThatThrownBy(() -> solved.request().solve("again", List.of(), "eng.wu", NOW))
                .isInstanceOfSatisfying(StateConflictException.class, e -> assertThat(e.currentState()).isEqualTo("SOLVED"));
        assertThatThrownBy(() -> solved.request().close("late", "eng.wu", NOW)).isInstanceOf(StateConflictException.class);
        TechSupportChange closed = open.close("duplicate", "eng.wu", NOW);
        assertThat(closed.request().state()).isEqualTo(TechSupportState.CLOSED);
        assertThat(closed.request().closeReason()).isEqualTo("duplicate");
    }
}
