package com.opensvc.aftersales.dispatch.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.AssignedBy;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.TechnicianAssigned;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.WorkOrderHandedBack;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.WorkOrderReassigned;
import com.opensvc.aftersales.web.ForbiddenException;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.StateConflictException;

@DisplayName("DSP-02 DSP-04 INT-22 the work order's assignment transitions")
class WorkOrderAssignmentTest {
    private static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");
    private static final List<PartLine> PARTS = List.of(new PartLine("CMP-100", 1));

    private static WorkOrder opened(List<PartLine> parts) {
        TicketAccepted ticket = new TicketAccepted(UUID.randomUUID(), "T-2026-000001", "ON_SITE", "AIR_CONDITIONER",
                "AC-3200", "SN-1", "NORTH", "FREE_REPAIR", "NORMAL", parts, null, null, null, null, "desk.li");
        return WorkOrder.openFor(ticket, UUID.randomUUID(), null, NOW).orElseThrow().workOrder();
    }

    private static Dispatch to(String login, AssignedBy by) {
        return new Dispatch(login, "STORE-NORTH", "tech.backup", Handling.ON_SITE, by, false, null);
    }

    @Test
    @DisplayName("DSP-02 INT-22 the assignment stores handling and backup and publishes them; a capacity override is on the history")
    void DSP02_assignmentCarriesBackupAndHandling() {
        WorkOrderChange change = opened(PARTS).assign(
                new Dispatch("tech.north", "STORE-NORTH", "tech.north2", Handling.PHONE, AssignedBy.SUPERVISOR, true,
                        "urgent customer"), "sup.zhao", NOW);
        assertThat(change.workOrder().backupTechnician()).isEqualTo("tech.north2");
        assertThat(change.workOrder().handling()).isEqualTo(Handling.PHONE);
        TechnicianAssigned assigned = (TechnicianAssigned) change.events().get(0);
        assertThat(assigned.backupTechnicianId()).isEqualTo("tech.north2");
        assertThat(assigned.capacityOverride()).isTrue();
        assertThat(change.history().get(0).action()).contains("over daily capacity: urgent customer");
    }

    @Test
    @DisplayName("DSP-02 reassignment of an assigned open order: WorkOrderReassigned with the reason; NEW or closed orders → 409; the same technician → 400")
    void DSP02_reassign() {
        WorkOrder assigned = opened(PARTS).assign(to("tech.north", AssignedBy.SUPERVISOR), "sup.zhao", NOW).workOrder();
        WorkOrderChange change = assigned.reassign(to("tech.north2", AssignedBy.SUPERVISOR), "needed elsewhere",
                "sup.zhao", NOW);
        assertThat(change.workOrder().technician()).isEqualTo("tech.north2");
        assertThat(change.workOrder().state()).isEqualTo(WorkOrderState.AWAITING_PARTS);
        assertThat(change.events()).extracting(WorkOrderEvent::eventType)
                .containsExactly("TechnicianAssigned", "WorkOrderReassigned");
        WorkOrderReassigned reassigned = (WorkOrderReassigned) change.events().get(1);
        assertThat(reassigned.fromTechnicianId()).isEqualTo("tech.north");
        assertThat(reassigned.reason()).isEqualTo("needed elsewhere");
        assertThat(change.signals()).as("the visit clocks keep running").isEmpty();

        assertThatThrownBy(() -> opened(PARTS).reassign(to("tech.north2", AssignedBy.SUPERVISOR), "r", "sup", NOW))
                .isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> assigned.reassign(to("tech.north", AssignedBy.SUPERVISOR), "r", "sup", NOW))
                .isInstanceOf(InvalidFieldException.class);
    }

    @Test
    @DisplayName("DSP-04 SEC-02 only the assigned technician hands back, before arriving: NEW, unassigned, WorkOrderHandedBack")
    void DSP04_handBack() {
        WorkOrder assigned = opened(PARTS).assign(to("tech.north", AssignedBy.SUPERVISOR), "sup.zhao", NOW).workOrder();
        assertThatThrownBy(() -> assigned.handBack("tech.south", "no", NOW)).isInstanceOf(ForbiddenException.class);

        WorkOrderChange back = assigned.handBack("tech.north", "cannot make it", NOW);
        assertThat(back.workOrder().state()).isEqualTo(WorkOrderState.NEW);
        assertThat(back.workOrder().technician()).isNull();
        assertThat(back.workOrder().handedBackBy()).isEqualTo("tech.north");
        assertThat(((WorkOrderHandedBack) back.events().get(0)).reason()).isEqualTo("cannot make it");

        WorkOrder arrived = assigned.recordArrival("tech.north", false, NOW).workOrder();
        assertThatThrownBy(() -> arrived.handBack("tech.north", "late", NOW)).isInstanceOf(StateConflictException.class);
    }

    @Test
    @DisplayName("DSP-04 the next assignment of a handed-back order moves its parts (WorkOrderReassigned), it does not request them again")
    void DSP04_nextAssignmentIsAReassignmentForParts() {
        WorkOrder back = opened(PARTS).assign(to("tech.north", AssignedBy.SUPERVISOR), "sup.zhao", NOW).workOrder()
                .handBack("tech.north", "sick child", NOW).workOrder();
        WorkOrderChange again = back.assign(to("tech.north2", AssignedBy.SUPERVISOR), "sup.zhao", NOW);
        assertThat(again.events()).extracting(WorkOrderEvent::eventType)
                .containsExactly("TechnicianAssigned", "WorkOrderReassigned");
        assertThat(again.workOrder().state()).isEqualTo(WorkOrderState.AWAITING_PARTS);
        assertThat(again.workOrder().handedBackBy()).isNull();

        WorkOrder readyBack = opened(PARTS).assign(to("tech.north", AssignedBy.SUPERVISOR), "sup", NOW).workOrder()
                .partsIssued("parts", NOW).orElseThrow().workOrder().handBack("tech.north", "x", NOW).workOrder();
        assertThat(readyBack.assign(to("tech.north2", AssignedBy.SUPERVISOR), "sup", NOW).workOrder().state())
                .as("the parts were in hand: READY").isEqualTo(WorkOrderState.READY);
    }

    @Test
    @DisplayName("DSP-02 the open pool: only a NEW order goes in; only a pooled order is claimed (POOL_CLAIM); a claimed one is no longer pooled")
    void DSP02_pool() {
        WorkOrder pooled = opened(List.of()).toPool("sup.zhao", NOW).workOrder();
        assertThat(pooled.inPoolSince()).isEqualTo(NOW);
        assertThatThrownBy(() -> pooled.toPool("sup.zhao", NOW)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> opened(List.of()).claim(to("tech.north", AssignedBy.POOL_CLAIM), NOW))
                .isInstanceOf(StateConflictException.class);

        WorkOrderChange claimed = pooled.claim(to("tech.north", AssignedBy.POOL_CLAIM), NOW);
        assertThat(claimed.workOrder().inPoolSince()).isNull();
        assertThat(((TechnicianAssigned) claimed.events().get(0)).assignedBy()).isEqualTo(AssignedBy.POOL_CLAIM);
        assertThatThrownBy(() -> claimed.workOrder().claim(to("tech.north2", AssignedBy.POOL_CLAIM), NOW))
                .isInstanceOf(StateConflictException.class);
    }
}
