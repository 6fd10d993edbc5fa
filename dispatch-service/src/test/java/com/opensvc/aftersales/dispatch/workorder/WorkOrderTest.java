package com.opensvc.aftersales.dispatch.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.dispatch.workorder.WorkOrderChange.HistoryLine;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.AssignedBy;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.RepairClosed;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.WorkOrderCreated;
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
                "FREE_REPAIR", "NORMAL", parts, null, null, null, null, "desk.li");
    }

    private static WorkOrder opened(List<PartLine> parts) {
        return WorkOrder.openFor(ticket("ON_SITE", parts), UUID.randomUUID(), null, NOW).orElseThrow().workOrder();
    }

    private static WorkOrder ready() {
        return opened(List.of()).assign("tech.north", "STORE-NORTH", AssignedBy.SUPERVISOR, "sup.zhao", NOW).workOrder();
    }

    @Test
    @DisplayName("DSP-01 an accepted ON_SITE ticket opens a NEW order with its CREATED line and WorkOrderCreated; REMOTE opens none")
    void DSP01_opensForDispatchedServiceTypes() {
        WorkOrderChange change = WorkOrder.openFor(ticket("ON_SITE", List.of()), UUID.randomUUID(), null, NOW).orElseThrow();
        assertThat(change.opens()).isTrue();
        assertThat(change.workOrder().state()).isEqualTo(WorkOrderState.NEW);
        assertThat(change.history()).containsExactly(HistoryLine.first(NOW, "desk.li", "CREATED", WorkOrderState.NEW));
        assertThat(change.events()).singleElement().isInstanceOf(WorkOrderEvents.WorkOrderCreated.class);
        assertThat(WorkOrder.openFor(ticket("REMOTE", List.of()), UUID.randomUUID(), null, NOW)).isEmpty();
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
        WorkOrderChange change = workOrder.recordFixedVisit(FIXED, "tech.north", 0, NOW);

        assertThat(change.history()).extracting(HistoryLine::action)
                .containsExactly("ARRIVED tech.north", "WORK_STARTED tech.north", "VISIT_FIXED");
        assertThat(change.events()).extracting(WorkOrderEvent::eventType)
                .containsExactly("TechnicianArrived", "WorkStarted", "RepairClosed");
        assertThat(change.visits()).hasSize(1);
        assertThat(change.workOrder().state()).isEqualTo(WorkOrderState.COMPLETED);
        assertThat(change.workOrder().version()).isEqualTo(workOrder.version() + 3);
        assertThat(change.workOrder().closedAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> workOrder.recordFixedVisit(FIXED, "tech.south", 0, NOW))
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

    private static EntitlementChanged toPaid(boolean quoteRequired) {
        return new EntitlementChanged(UUID.randomUUID(), "FREE_REPAIR", "PAID", "NO_PROOF_OF_PURCHASE", quoteRequired,
                "desk.li");
    }

    private static RepairClosed closedBy(WorkOrderChange change) {
        return change.events().stream().filter(RepairClosed.class::isInstance).map(RepairClosed.class::cast)
                .findFirst().orElseThrow();
    }

    @Test
    @DisplayName("DSP-01 DSP-06 first-time fix: true for a ticket's first order, false for an order repeating an earlier one")
    void DSP01_repeatOrderIsNoFirstTimeFix() {
        assertThat(closedBy(ready().recordFixedVisit(FIXED, "tech.north", 0, NOW)).firstTimeFix()).isTrue();
        assertThat(closedBy(ready().recordFixedVisit(FIXED, "tech.north", 1, NOW)).firstTimeFix())
                .as("an earlier NOT_FIXED visit").isFalse();

        UUID earlier = UUID.randomUUID();
        WorkOrderChange opened = WorkOrder.openFor(ticket("ON_SITE", List.of()), UUID.randomUUID(), earlier, NOW)
                .orElseThrow();
        assertThat(opened.workOrder().previousWorkOrderId()).isEqualTo(earlier);
        assertThat(((WorkOrderCreated) opened.events().getFirst()).previousWorkOrderId()).isEqualTo(earlier);
        WorkOrder repeat = opened.workOrder().assign("tech.north", "STORE-NORTH", AssignedBy.SUPERVISOR, "sup.zhao", NOW)
                .workOrder();
        RepairClosed closed = closedBy(repeat.recordFixedVisit(FIXED, "tech.north", 0, NOW));
        assertThat(closed.firstTimeFix()).isFalse();
        assertThat(closed.previousWorkOrderId()).isEqualTo(earlier);
    }

    @Test
    @DisplayName("DSP-03 a backorder shows the missing lines and the latest expected date; PartsIssued readies the order and clears it")
    void DSP03_backorderThenIssued() {
        WorkOrder awaiting = opened(List.of(new PartLine("CMP-100", 2), new PartLine("HOSE-15", 1)))
                .assign("tech.north", "STORE-NORTH", AssignedBy.SUPERVISOR, "sup.zhao", NOW).workOrder();
        var backordered = new PartsBackordered(awaiting.id(), awaiting.ticketId(), List.of(
                new PartsBackordered.Line("CMP-100", 2, 0, null, LocalDate.parse("2026-12-01")),
                new PartsBackordered.Line("HOSE-15", null, null, 1, LocalDate.parse("2026-12-04"))), null, "system:parts");

        WorkOrder waiting = awaiting.partsBackordered(backordered, NOW).orElseThrow().workOrder();
        assertThat(waiting.state()).isEqualTo(WorkOrderState.AWAITING_PARTS);
        assertThat(waiting.backorder().lines()).containsExactly(
                new Backorder.MissingPart("CMP-100", 2, LocalDate.parse("2026-12-01")),
                new Backorder.MissingPart("HOSE-15", 1, LocalDate.parse("2026-12-04")));
        assertThat(waiting.backorder().expectedDate()).isEqualTo(LocalDate.parse("2026-12-04"));
        assertThatThrownBy(() -> waiting.recordFixedVisit(FIXED, "tech.north", 0, NOW))
                .isInstanceOf(StateConflictException.class);

        WorkOrder filled = waiting.partsIssued("system:parts", NOW).orElseThrow().workOrder();
        assertThat(filled.state()).isEqualTo(WorkOrderState.READY);
        assertThat(filled.backorder()).isNull();
        assertThat(ready().partsBackordered(backordered, NOW)).as("not waiting for parts: ignored").isEmpty();
    }

    @Test
    @DisplayName("INT-07 INT-08 an entitlement change to PAID holds the order (clocks pause); only QuoteApproved releases it")
    void INT07_quoteHold() {
        WorkOrderChange held = ready().hold(toPaid(true), NOW).orElseThrow();
        WorkOrder onHold = held.workOrder();
        assertThat(onHold.state()).isEqualTo(WorkOrderState.ON_HOLD);
        assertThat(onHold.entitlement()).isEqualTo("PAID");
        assertThat(onHold.hold().heldFrom()).isEqualTo(WorkOrderState.READY);
        assertThat(onHold.hold().forQuote()).isTrue();
        assertThat(held.signals()).containsExactly(new WorkOrderSignals.ClocksPaused(onHold.id(),
                WorkOrderSignals.PauseReason.WORK_ORDER_ON_HOLD, NOW));
        assertThatThrownBy(() -> onHold.recordFixedVisit(FIXED, "tech.north", 0, NOW))
                .isInstanceOfSatisfying(StateConflictException.class, e -> assertThat(e.currentState()).isEqualTo("ON_HOLD"));
        assertThatThrownBy(() -> onHold.recordArrival("tech.north", false, NOW)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> onHold.release("sup.zhao", NOW))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("quote");

        WorkOrderChange released = onHold.quoteApproved("sup.zhao", NOW).orElseThrow();
        assertThat(released.workOrder().state()).isEqualTo(WorkOrderState.READY);
        assertThat(released.workOrder().hold()).isNull();
        assertThat(released.workOrder().entitlement()).isEqualTo("PAID");
        assertThat(released.signals()).containsExactly(new WorkOrderSignals.ClocksResumed(onHold.id(),
                WorkOrderSignals.PauseReason.WORK_ORDER_ON_HOLD, NOW));
        assertThat(ready().quoteApproved("sup.zhao", NOW)).as("not held: a quote approved before acceptance").isEmpty();
    }

    @Test
    @DisplayName("INT-07 a hold not waiting for a quote is released by the supervisor; a declined quote cancels a held order")
    void INT07_supervisorReleaseAndDeclinedQuote() {
        WorkOrder onHold = opened(List.of()).hold(toPaid(false), NOW).orElseThrow().workOrder();
        assertThat(onHold.quoteApproved("sup.zhao", NOW)).isEmpty();
        assertThat(onHold.release("sup.zhao", NOW).workOrder().state()).isEqualTo(WorkOrderState.NEW);
        assertThatThrownBy(() -> ready().release("sup.zhao", NOW))
                .isInstanceOfSatisfying(StateConflictException.class, e -> assertThat(e.currentState()).isEqualTo("READY"));

        WorkOrderChange cancelled = ready().hold(toPaid(true), NOW).orElseThrow().workOrder()
                .quoteDeclined("desk.li", NOW).orElseThrow();
        assertThat(cancelled.workOrder().state()).isEqualTo(WorkOrderState.CANCELLED);
        assertThat(cancelled.signals()).singleElement().isInstanceOf(WorkOrderSignals.WorkOrderCancelled.class);
        assertThat(cancelled.events()).singleElement().isInstanceOf(WorkOrderEvents.WorkOrderCancelled.class);
        assertThat(ready().quoteDeclined("desk.li", NOW)).as("not held: nothing to cancel").isEmpty();
        WorkOrder completed = ready().recordFixedVisit(FIXED, "tech.north", 0, NOW).workOrder();
        assertThat(completed.hold(toPaid(true), NOW)).as("a completed order is not held").isEmpty();
    }
}
