package com.opensvc.aftersales.dispatch.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.dispatch.workorder.SlipApproval.Kind;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.AssignedBy;
import com.opensvc.aftersales.web.StateConflictException;

@DisplayName("DSP-02 a complaint's work order is dispatched only after the quality lead's and a manager's approval")
class SlipApprovalTest {
    private static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");

    private static WorkOrder opened(String kind) {
        TicketAccepted ticket = new TicketAccepted(UUID.randomUUID(), "T-2026-000001", "ON_SITE", "AIR_CONDITIONER",
                "AC-3200", "SN-1", "NORTH", "FREE_REPAIR", "NORMAL", List.of(), kind, null, null, null, "desk.li");
        return WorkOrder.openFor(ticket, UUID.randomUUID(), null, NOW).orElseThrow().workOrder();
    }

    private static WorkOrder assign(WorkOrder w) {
        return w.assign("tech.north", "STORE-NORTH", AssignedBy.SUPERVISOR, "sup.zhao", NOW).workOrder();
    }

    @Test
    @DisplayName("DSP-02 assigning a complaint's order is refused (409) naming the missing approvals, allowed after both")
    void DSP02_assignmentWaitsForBothApprovals() {
        WorkOrder complaint = opened("COMPLAINT");
        assertThat(complaint.missingSlipApprovals()).containsExactly(Kind.QUALITY_LEAD, Kind.MANAGER);
        assertThatThrownBy(() -> assign(complaint)).isInstanceOfSatisfying(StateConflictException.class,
                e -> assertThat(e.getMessage()).contains("QUALITY_LEAD and MANAGER").contains("DSP-02"));

        WorkOrderChange quality = complaint.approveSlip(Kind.QUALITY_LEAD, "qa.wu", NOW);
        assertThat(quality.events()).singleElement().isEqualTo(
                new ServiceSlipApproved(complaint.id(), complaint.ticketId(), Kind.QUALITY_LEAD, "qa.wu", "qa.wu", NOW));
        assertThat(quality.history()).extracting(WorkOrderChange.HistoryLine::action).containsExactly("SLIP_APPROVED QUALITY_LEAD");
        assertThat(quality.workOrder().version()).isEqualTo(complaint.version() + 1);
        assertThatThrownBy(() -> assign(quality.workOrder())).isInstanceOf(StateConflictException.class)
                .hasMessageContaining("approval of MANAGER");

        WorkOrder approved = quality.workOrder().approveSlip(Kind.MANAGER, "mgr.sun", NOW).workOrder();
        assertThat(approved.slipApproved()).isTrue();
        assertThat(assign(approved).state()).isEqualTo(WorkOrderState.READY);
    }

    @Test
    @DisplayName("DSP-02 the same kind twice → 409; the same person cannot give both → 409; a non-complaint order needs none")
    void DSP02_approvalRules() {
        WorkOrder quality = opened("COMPLAINT").approveSlip(Kind.QUALITY_LEAD, "qa.wu", NOW).workOrder();
        assertThatThrownBy(() -> quality.approveSlip(Kind.QUALITY_LEAD, "qa.li", NOW))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("was given by qa.wu");
        assertThatThrownBy(() -> quality.approveSlip(Kind.MANAGER, "qa.wu", NOW))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("someone else");

        WorkOrder service = opened("SERVICE_REQUEST");
        assertThat(service.slipApproved()).isTrue();
        assertThat(opened(null).slipApproved()).as("orders from before kind was published").isTrue();
        assertThat(assign(service).state()).isEqualTo(WorkOrderState.READY);
        assertThatThrownBy(() -> service.approveSlip(Kind.MANAGER, "mgr.sun", NOW))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("only a complaint");
    }
}
