package com.opensvc.aftersales.dispatch.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.context.ApplicationEventPublisher;

import com.opensvc.aftersales.dispatch.technician.DispatchPolicy;
import com.opensvc.aftersales.dispatch.technician.Technicians;
import com.opensvc.aftersales.dispatch.workorder.SlipApproval.Kind;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.AssignedBy;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.TechnicianAssigned;

@DisplayName("DSP-02 under the AUTOMATIC policy a complaint's order waits NEW for its approvals, then is dispatched")
class SlipApprovalPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");
    private final WorkOrderRepository repository = mock(WorkOrderRepository.class);
    private final Technicians technicians = mock(Technicians.class);
    private final WorkOrderService service = new WorkOrderService(repository, technicians,
            new DispatchPolicy(DispatchPolicy.Mode.AUTOMATIC), Clock.fixed(NOW, ZoneOffset.UTC),
            mock(ApplicationEventPublisher.class), WorkOrderGuards.none(), mock(com.opensvc.aftersales.dispatch.charge.Charges.class));

    private static TicketAccepted complaint() {
        return new TicketAccepted(UUID.randomUUID(), "T-2026-000001", "ON_SITE", "AIR_CONDITIONER", "AC-3200", "SN-1",
                "NORTH", "FREE_REPAIR", "NORMAL", List.of(), "COMPLAINT", null, null, null, "desk.li");
    }

    private List<WorkOrderChange> saved() {
        ArgumentCaptor<WorkOrderChange> changes = ArgumentCaptor.forClass(WorkOrderChange.class);
        verify(repository, atLeastOnce()).save(changes.capture());
        return changes.getAllValues();
    }

    @Test
    @DisplayName("DSP-02 AUTOMATIC: a complaint's order is proposed but not assigned on creation")
    void DSP02_automaticPolicyLeavesComplaintNew() {
        when(repository.latestOfTicket(any())).thenReturn(Optional.empty());
        when(repository.save(any())).thenReturn(true);
        when(repository.find(any())).thenReturn(Optional.empty());
        when(technicians.propose("AIR_CONDITIONER", "NORTH")).thenReturn(Optional.of("tech.north"));
        when(technicians.homeStore("tech.north")).thenReturn(Optional.of("STORE-NORTH"));

        service.createFor(complaint(), UUID.randomUUID());

        List<WorkOrderChange> saved = saved();
        assertThat(saved).hasSize(2);
        assertThat(saved.getLast().workOrder().proposedTechnician()).isEqualTo("tech.north");
        assertThat(saved).allSatisfy(c -> assertThat(c.workOrder().state()).isEqualTo(WorkOrderState.NEW));
    }

    @Test
    @DisplayName("DSP-02 AUTOMATIC: the approval that completes the pair dispatches the order to the technician proposed now")
    void DSP02_secondApprovalAppliesTheProposal() {
        WorkOrder waiting = WorkOrder.openFor(complaint(), UUID.randomUUID(), null, NOW).orElseThrow().workOrder()
                .approveSlip(Kind.QUALITY_LEAD, "qa.wu", NOW).workOrder();
        when(repository.findForUpdate(waiting.id())).thenReturn(Optional.of(waiting));
        when(repository.find(waiting.id())).thenReturn(Optional.of(waiting));
        when(repository.save(any())).thenReturn(true);
        when(technicians.propose("AIR_CONDITIONER", "NORTH")).thenReturn(Optional.of("tech.north2"));
        when(technicians.homeStore("tech.north2")).thenReturn(Optional.of("STORE-NORTH"));

        service.approveSlip(waiting.id(), Kind.MANAGER, "mgr.sun");

        List<WorkOrderChange> saved = saved();
        assertThat(saved.getFirst().events()).singleElement().isInstanceOf(ServiceSlipApproved.class);
        WorkOrderChange assigned = saved.getLast();
        assertThat(assigned.workOrder().state()).isEqualTo(WorkOrderState.READY);
        assertThat(assigned.events()).singleElement().isInstanceOfSatisfying(TechnicianAssigned.class, e -> {
            assertThat(e.technicianId()).isEqualTo("tech.north2");
            assertThat(e.assignedBy()).isEqualTo(AssignedBy.AUTOMATIC_POLICY);
        });
    }
}
