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
import com.opensvc.aftersales.web.ForbiddenException;
import com.opensvc.aftersales.web.StateConflictException;

@DisplayName("The work order decides its transitions and returns what they cause")
class WorkOrderTest {
    private static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");
    private static final RecordVisitRequest FIXED = new RecordVisitRequest(RecordVisitRequest.Outcome.FIXED,
            "no cooling", "C-GAS-LOW", "refilled gas", List.of(), 40, "SIGNED-1");

    private static TicketAccepted ticket(String serviceType, List<PartLine> parts) {
        UUID ticketId = UUID.randomUUID();
        return new TicketAccepted(ticketId, "T-2026-000001", serviceType, "AIR_CONDITIONER", "AC-3200", "SN-1", "NORTH",
                "FREE_REPAIR", "NORMAL", parts, "desk.li");
    }

    private static WorkOrder opened(List<PartLine> parts) {
        return WorkOrder.openFor(ticket("ON_SITE", parts), NOW).orElseThrow().workOrder();
    }

    private static WorkOrder ready() {
        return opened(List.of()).assign("tech.north", "STORE-NORTH", AssignedBy.SUPERVISOR, "sup.zhao", NOW).workOrder();
    }

    @Test
    @DisplayName("DSP-01 an accepted ON_SITE ticket opens a NEW order with its CREATED line and WorkOrderCreated; REMOTE opens none")
    void DSP01_opensForDispatchedServiceTypes() {
        WorkOrderChange change = WorkOrder.openFor(ticket("ON_SITE", List.of()), NOW).orElseThrow();
        assertThat(change.opens()).isTrue();
        assertThat(change.workOrder().state()).isEqualTo(WorkOrderState.NEW);
        assertThat(change.history()).containsExactly(HistoryLine.first(NOW, "desk.li", "CREATED", WorkOrderState.NEW));
        assertThat(change.events()).singleElement().isInstanceOf(WorkOrderEvents.WorkOrderCreated.class);
        assertThat(WorkOrder.openFor(ticket("REMOTE", List.of()), NOW)).isEmpty();
    }

    @Test
    @DisplayName("DSP-02 DSP-03 assigning an order that expects parts requests them from the home store; a second assignment is 409")
    void DSP03_assignmentRequestsParts() {
        WorkOrder workOrder = opened(List.of(new PartLine("CMP-100", 1)));
        WorkOrderChange change = workOrder.assign("tech.north", "STORE-NORTH", AssignedBy.AUTOMATIC_POLICY, "system", NOW);

        assertThat(change.workOrder().state()).isEqualTo(WorkOrderState.AWAITING_PARTS);
        assertThat(change.workOrder().version()).isEqualTo(workOrder.version() + 1);
        assertThat(change.events()).extracting(WorkOrderEvent::eventType).containsExactly("TechnicianAssigned", "PartsRequested");
        assertThat(((WorkOrderEvents.PartsRequested) change.events().get(1)).fromLocation()).isEqualTo("STORE-NORTH");
        assertThatThrownBy(() -> change.workOrder().assign("tech.north", "STORE-NORTH", AssignedBy.SUPERVISOR, "sup", NOW))
                .isInstanceOfSatisfying(StateConflictException.class,
                        e -> assertThat(e.currentState()).isEqualTo("AWAITING_PARTS"));
        assertThat(change.workOrder().partsIssued("system:parts", NOW)).get()
                .extracting(c -> c.workOrder().state()).isEqualTo(WorkOrderState.READY);
        assertThat(ready().partsIssued("system:parts", NOW)).as("already READY: ignored").isEmpty();
    }

    @Test
    @DisplayName("DSP-05 DSP-08 a FIXED visit without milestones implies arrival and start: three lines, three events, one visit")
    void DSP05_fixedVisitImpliesMilestones() {
        WorkOrder workOrder = ready();
        WorkOrderChange change = workOrder.recordFixedVisit(FIXED, "tech.north", true, NOW);

        assertThat(change.history()).extracting(HistoryLine::action)
                .containsExactly("ARRIVED tech.north", "WORK_STARTED tech.north", "VISIT_FIXED");
        assertThat(change.events()).extracting(WorkOrderEvent::eventType)
                .containsExactly("TechnicianArrived", "WorkStarted", "RepairClosed");
        assertThat(change.visits()).hasSize(1);
        assertThat(change.workOrder().state()).isEqualTo(WorkOrderState.COMPLETED);
        assertThat(change.workOrder().version()).isEqualTo(workOrder.version() + 3);
        assertThat(change.workOrder().closedAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> workOrder.recordFixedVisit(FIXED, "tech.south", true, NOW))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    @DisplayName("DSP-08 SEC-02 milestones: once each, by the assigned technician or a supervisor, only on an assigned open order")
    void DSP08_milestoneGuards() {
        WorkOrder arrived = ready().recordArrival("tech.north", false, NOW).workOrder();
        assertThat(arrived.arrivedAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> arrived.recordArrival("tech.north", false, NOW))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("it was recorded at");
        assertThatThrownBy(() -> ready().recordArrival("tech.south", false, NOW)).isInstanceOf(ForbiddenException.class);
        assertThat(ready().recordWorkStarted("sup.zhao", true, NOW).events()).extracting(WorkOrderEvent::eventType)
                .containsExactly("TechnicianArrived", "WorkStarted");
        assertThatThrownBy(() -> opened(List.of()).recordArrival("sup.zhao", true, NOW))
                .isInstanceOfSatisfying(StateConflictException.class, e -> assertThat(e.currentState()).isEqualTo("NEW"));
    }
}
