package com.opensvc.aftersales.dispatch.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.RepairClosed;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/**
 * DSP-05: unpaid balances of paid work orders, tracked until finance records their collection. A charged
 * RepairClosed (in-process, in the closing transaction) opens the order's receivable.
 */
@Service
@RequiredArgsConstructor
public class Receivables {
    private final ReceivableRepository receivables;
    private final Clock clock;

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(RepairClosed closed) {
        if (closed.payment() == null) {
            return;
        }
        receivables.insert(Receivable.open(closed.workOrderId(), closed.ticketId(), closed.technicianId(),
                closed.charges(), closed.payment(), closed.occurredAt()));
    }

    /** Finance recorded a collection; partial ones add up, one above the balance is refused (400). */
    @Transactional
    public Receivable collect(UUID workOrderId, BigDecimal amount, String reference, Instant receivedAt,
                              String actor) {
        Receivable receivable = receivables.findForUpdate(workOrderId).orElseThrow(() -> notFound(workOrderId));
        receivables.save(receivable.collect(amount, reference, receivedAt, actor, clock.instant()));
        return get(workOrderId);
    }

    public Receivable get(UUID workOrderId) {
        return receivables.find(workOrderId).orElseThrow(() -> notFound(workOrderId));
    }

    public List<Receivable.Collection> collections(UUID workOrderId) {
        return receivables.collections(workOrderId);
    }

    public PageOf<Receivable> search(ReceivableState state, String technician, Paging paging) {
        return receivables.search(state, technician, paging);
    }

    private static NotFoundException notFound(UUID workOrderId) {
        return new NotFoundException("work order " + workOrderId + " has no receivable (nothing was charged)");
    }
}
