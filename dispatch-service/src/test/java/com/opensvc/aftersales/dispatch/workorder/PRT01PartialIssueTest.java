package com.opensvc.aftersales.dispatch.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.dispatch.workorder.WorkOrderChange.HistoryLine;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.AssignedBy;

@DisplayName("PRT-01 DSP-03 a partial issue does not ready the work order; the complete one does")
class PRT01PartialIssueTest {
    private static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");

    private static WorkOrder awaitingParts() {
        TicketAccepted ticket = new TicketAccepted(UUID.randomUUID(), "T-2026-000001", "ON_SITE", "AIR_CONDITIONER",
                "AC-3200", "SN-1", "NORTH", "FREE_REPAIR", "NORMAL",
                List.of(new PartLine("CMP-100", 1), new PartLine("HOSE-15", 2)), null, null, null, null, "desk.li");
        return WorkOrder.openFor(ticket, UUID.randomUUID(), null, NOW).orElseThrow().workOrder()
                .assign("tech.north", "STORE-NORTH", AssignedBy.SUPERVISOR, "sup.zhao", NOW).workOrder();
    }

    @Test
    @DisplayName("PRT-01 DSP-03 complete=false: the order stays AWAITING_PARTS with a PARTS_PARTLY_ISSUED line; complete=true readies it")
    void PRT01_partialIssueKeepsWaiting() {
        WorkOrder awaiting = awaitingParts();
        WorkOrderChange partly = awaiting.partsIssued(false, "store.wu", NOW).orElseThrow();
        assertThat(partly.workOrder().state()).isEqualTo(WorkOrderState.AWAITING_PARTS);
        assertThat(partly.workOrder()).isEqualTo(awaiting);
        assertThat(partly.events()).isEmpty();
        assertThat(partly.history()).containsExactly(new HistoryLine(NOW, "store.wu", "PARTS_PARTLY_ISSUED",
                WorkOrderState.AWAITING_PARTS, WorkOrderState.AWAITING_PARTS));

        WorkOrder ready = partly.workOrder().partsIssued(true, "system:parts-receipts", NOW).orElseThrow().workOrder();
        assertThat(ready.state()).isEqualTo(WorkOrderState.READY);
        assertThat(ready.partsIssued(false, "store.wu", NOW)).as("not waiting for parts: ignored").isEmpty();
    }

    @Test
    @DisplayName("PRT-01 DSP-03 INT-07 held from AWAITING_PARTS: a partial issue keeps it waiting, the complete one returns it READY on release")
    void PRT01_partialIssueWhileOnHold() {
        WorkOrder held = awaitingParts().hold(new EntitlementChanged(UUID.randomUUID(), "FREE_REPAIR", "PAID",
                "NO_PROOF_OF_PURCHASE", false, "desk.li"), NOW).orElseThrow().workOrder();
        WorkOrderChange partly = held.partsIssued(false, "store.wu", NOW).orElseThrow();
        assertThat(partly.workOrder().hold().heldFrom()).isEqualTo(WorkOrderState.AWAITING_PARTS);
        assertThat(partly.history()).extracting(HistoryLine::action).containsExactly("PARTS_PARTLY_ISSUED while on hold");

        WorkOrder filled = partly.workOrder().partsIssued(true, "store.wu", NOW).orElseThrow().workOrder();
        assertThat(filled.hold().heldFrom()).isEqualTo(WorkOrderState.READY);
        assertThat(filled.release("sup.zhao", NOW).workOrder().state()).isEqualTo(WorkOrderState.READY);
    }

    @Test
    @DisplayName("PRT-01 DSP-03 DSP-04 handed back while awaiting parts: a partial issue keeps it waiting, the complete one means parts in hand")
    void PRT01_partialIssueWhileHandedBack() {
        WorkOrder handedBack = awaitingParts().handBack("tech.north", "ill", NOW).workOrder();
        WorkOrderChange partly = handedBack.partsIssued(false, "store.wu", NOW).orElseThrow();
        assertThat(partly.workOrder().handedBackFrom()).isEqualTo(WorkOrderState.AWAITING_PARTS);
        assertThat(partly.history()).extracting(HistoryLine::action)
                .containsExactly("PARTS_PARTLY_ISSUED while handed back");
        assertThat(partly.workOrder().assign("tech.north2", "STORE-NORTH", AssignedBy.SUPERVISOR, "sup.zhao", NOW)
                .workOrder().state()).as("still waiting for the rest").isEqualTo(WorkOrderState.AWAITING_PARTS);

        WorkOrder filled = partly.workOrder().partsIssued(true, "store.wu", NOW).orElseThrow().workOrder();
        assertThat(filled.handedBackFrom()).isEqualTo(WorkOrderState.READY);
        assertThat(filled.assign("tech.north2", "STORE-NORTH", AssignedBy.SUPERVISOR, "sup.zhao", NOW).workOrder()
                .state()).isEqualTo(WorkOrderState.READY);
    }

    @Test
    @DisplayName("PRT-01 EVT-03 PartsIssued without complete (older producers) is an issue in full")
    void PRT01_absentCompleteMeansInFull() {
        assertThat(new PartsIssued(UUID.randomUUID(), "store.wu").issuedInFull()).isTrue();
        assertThat(new PartsIssued(UUID.randomUUID(), "store.wu", true).issuedInFull()).isTrue();
        assertThat(new PartsIssued(UUID.randomUUID(), "store.wu", false).issuedInFull()).isFalse();
    }
}
