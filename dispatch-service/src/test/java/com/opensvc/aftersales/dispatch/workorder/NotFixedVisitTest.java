package com.opensvc.aftersales.dispatch.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.dispatch.workorder.WorkOrderChange.HistoryLine;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.AssignedBy;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.PartsRequested;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.RepairClosed;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.RepairNotFixed;
import com.opensvc.aftersales.web.ForbiddenException;
import com.opensvc.aftersales.web.StateConflictException;

@DisplayName("DSP-06 the work order's NOT_FIXED visit and the follow-up after engineering's answer")
class NotFixedVisitTest {
    private static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");
    private static final NotFixedVisitRequest NOT_FIXED = new NotFixedVisitRequest("drum full, pump runs", "E21",
            "cleaned filter", 60, "controller fault?", List.of("photo-1.jpg"));
    private static final RecordVisitRequest FIXED = new RecordVisitRequest(RecordVisitRequest.Outcome.FIXED,
            "E21", "C-CTRL", "replaced board", List.of(), 40, "SIGNED-1");

    private static WorkOrder ready() {
        TicketAccepted ticket = new TicketAccepted(UUID.randomUUID(), "T-2026-000001", "ON_SITE", "LAUNDRY", "WM-X200",
                "SN-1", "NORTH", "FREE_REPAIR", "NORMAL", List.of(), null, null, null, null, "desk.li");
        WorkOrder opened = WorkOrder.openFor(ticket, UUID.randomUUID(), null, NOW).orElseThrow().workOrder();
        return opened.assign("tech.north", "STORE-NORTH", AssignedBy.SUPERVISOR, "sup.zhao", NOW).workOrder();
    }

    @Test
    @DisplayName("DSP-06 DSP-08 NOT_FIXED: AWAITING_SUPPORT, arrival and start implied (the fix clock starts and keeps running), RepairNotFixed with the visit")
    void DSP06_notFixedWaitsForSupport() {
        WorkOrderChange change = ready().recordNotFixedVisit(NOT_FIXED, "tech.north", NOW);

        assertThat(change.workOrder().state()).isEqualTo(WorkOrderState.AWAITING_SUPPORT);
        assertThat(change.events()).extracting(WorkOrderEvent::eventType)
                .containsExactly("TechnicianArrived", "WorkStarted", "RepairNotFixed");
        RepairNotFixed notFixed = (RepairNotFixed) change.events().get(2);
        assertThat(notFixed.siteSituation()).isEqualTo("drum full, pump runs");
        assertThat(notFixed.question()).isEqualTo("controller fault?");
        assertThat(notFixed.productModel()).isEqualTo("WM-X200");
        assertThat(notFixed.attachments()).containsExactly("photo-1.jpg");
        assertThat(change.history().getLast().from()).isEqualTo(WorkOrderState.READY);
        assertThat(change.history().getLast().to()).isEqualTo(WorkOrderState.AWAITING_SUPPORT);
        assertThat(change.workOrder().closedAt()).as("the order stays open").isNull();

        assertThatThrownBy(() -> change.workOrder().recordNotFixedVisit(NOT_FIXED, "tech.north", NOW))
                .isInstanceOfSatisfying(StateConflictException.class,
                        e -> assertThat(e.currentState()).isEqualTo("AWAITING_SUPPORT"));
        assertThatThrownBy(() -> change.workOrder().recordFixedVisit(FIXED, "tech.north", 1, NOW))
                .as("no FIXED visit before engineering answered").isInstanceOf(StateConflictException.class);
    }

    @Test
    @DisplayName("DSP-06 SEC-02 another technician records no NOT_FIXED visit; an order still awaiting parts → 409")
    void DSP06_onlyTheAssignedTechnicianOnAReadyOrder() {
        assertThatThrownBy(() -> ready().recordNotFixedVisit(NOT_FIXED, "tech.south", NOW))
                .isInstanceOf(ForbiddenException.class);
        TicketAccepted ticket = new TicketAccepted(UUID.randomUUID(), "T-2026-000002", "ON_SITE", "LAUNDRY", "WM-X200",
                "SN-2", "NORTH", "FREE_REPAIR", "NORMAL", List.of(new PartLine("P-1", 1)), null, null, null, null,
                "desk.li");
        WorkOrder awaitingParts = WorkOrder.openFor(ticket, UUID.randomUUID(), null, NOW).orElseThrow().workOrder()
                .assign("tech.north", "STORE-NORTH", AssignedBy.SUPERVISOR, "sup.zhao", NOW).workOrder();
        assertThatThrownBy(() -> awaitingParts.recordNotFixedVisit(NOT_FIXED, "tech.north", NOW))
                .isInstanceOfSatisfying(StateConflictException.class,
                        e -> assertThat(e.currentState()).isEqualTo("AWAITING_PARTS"));
    }

    @Test
    @DisplayName("DSP-06 DSP-03 the solution's follow-up: READY without parts, AWAITING_PARTS with PartsRequested for the same technician; first-time fix false")
    void DSP06_followUpAfterTheSolution() {
        WorkOrder waiting = ready().recordNotFixedVisit(NOT_FIXED, "tech.north", NOW).workOrder();

        WorkOrderChange plain = waiting.followUpAfterSupport("support request X solved", List.of(), null, "eng.wu", NOW)
                .orElseThrow();
        assertThat(plain.workOrder().state()).isEqualTo(WorkOrderState.READY);
        assertThat(plain.events()).isEmpty();
        assertThat(plain.history()).extracting(HistoryLine::action)
                .containsExactly("FOLLOW_UP after support request X solved");
        RepairClosed closed = (RepairClosed) plain.workOrder().recordFixedVisit(FIXED, "tech.north", 1, NOW).events()
                .getLast();
        assertThat(closed.firstTimeFix()).isFalse();

        WorkOrderChange withParts = waiting.followUpAfterSupport("support request X solved",
                List.of(new PartLine("CTRL-WMX-C", 1)), "STORE-NORTH", "eng.wu", NOW).orElseThrow();
        assertThat(withParts.workOrder().state()).isEqualTo(WorkOrderState.AWAITING_PARTS);
        assertThat(withParts.events()).singleElement().isInstanceOfSatisfying(PartsRequested.class, requested -> {
            assertThat(requested.technicianId()).isEqualTo("tech.north");
            assertThat(requested.fromLocation()).isEqualTo("STORE-NORTH");
        });
        assertThat(ready().followUpAfterSupport("x", List.of(), null, "eng.wu", NOW)).as("not waiting: ignored")
                .isEmpty();
    }

    @Test
    @DisplayName("DSP-06 the state table: READY → AWAITING_SUPPORT → READY, AWAITING_PARTS, ON_HOLD or CANCELLED; never straight to COMPLETED")
    void DSP06_stateTable() {
        assertThat(WorkOrderState.READY.canBecome(WorkOrderState.AWAITING_SUPPORT)).isTrue();
        assertThat(WorkOrderState.AWAITING_PARTS.canBecome(WorkOrderState.AWAITING_SUPPORT)).isFalse();
        assertThat(WorkOrderState.AWAITING_SUPPORT.canBecome(WorkOrderState.READY)).isTrue();
        assertThat(WorkOrderState.AWAITING_SUPPORT.canBecome(WorkOrderState.AWAITING_PARTS)).isTrue();
        assertThat(WorkOrderState.AWAITING_SUPPORT.canBecome(WorkOrderState.ON_HOLD)).isTrue();
        assertThat(WorkOrderState.AWAITING_SUPPORT.canBecome(WorkOrderState.CANCELLED)).isTrue();
        assertThat(WorkOrderState.AWAITING_SUPPORT.canBecome(WorkOrderState.COMPLETED)).isFalse();
        assertThat(WorkOrderState.ON_HOLD.canBecome(WorkOrderState.AWAITING_SUPPORT)).isTrue();
        assertThat(WorkOrderState.AWAITING_SUPPORT.closed()).isFalse();
    }
}
