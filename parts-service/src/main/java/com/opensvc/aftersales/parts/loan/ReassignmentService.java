package com.opensvc.aftersales.parts.loan;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.parts.stock.PartLine;
import com.opensvc.aftersales.parts.stock.StockService;

import lombok.RequiredArgsConstructor;

/**
 * DSP-02, DSP-03, INT-22 (dispatch's WorkOrderReassigned): the parts follow the work order to its new technician. What
 * was issued for the order and is still on loan moves from the old technician's holding to the new one's (a
 * {@code REASSIGNED_TO_TECHNICIAN} ledger movement per part with the reason's work order, PRT-02; never more than
 * the holding has), and the loans follow. A request still live (awaiting approval, or waiting for stock with what was
 * available reserved) goes to the new technician: at the same store its reservation is retargeted; at another store
 * ({@code toLocation}) what was not issued is requested again there, which supersedes it and releases its stock.
 */
@Service
@RequiredArgsConstructor
public class ReassignmentService {
    private static final Logger log = LoggerFactory.getLogger(ReassignmentService.class);

    private final StockService stock;
    private final LoanRepository loans;
    private final IssueService issue;
    private final Clock clock;

    /** What parts reads of dispatch's WorkOrderReassigned. */
    public record Reassignment(java.util.UUID workOrderId, java.util.UUID ticketId, String fromTechnicianId,
                               String toTechnicianId, String toLocation, String reason, String actor) {
    }

    @Transactional
    public void reassigned(Reassignment r) {
        Instant now = clock.instant();
        var reference = new StockService.Reference(r.workOrderId(), r.ticketId(), r.actor(), now,
                truncate("reassigned: " + r.reason()));
        int moved = 0;
        for (Loan loan : loans.onLoanForUpdate(r.workOrderId())) {
            if (!loan.technician().equals(r.fromTechnicianId())) {
                log.warn("Loan {} of work order {} is not with the technician the order left; not moved", loan.id(),
                        r.workOrderId());
                continue;
            }
            stock.moveBetweenTechnicians(new PartLine(loan.partNumber(), loan.quantity()), r.fromTechnicianId(),
                    r.toTechnicianId(), reference);
            loans.transfer(loan.id(), r.toTechnicianId());
            moved++;
        }
        Optional<ReservationState> waiting = issue.reassigned(r.workOrderId(), r.ticketId(), r.toTechnicianId(),
                r.toLocation(), r.actor());
        log.info("Work order {} reassigned: {} loan(s) moved, request {}", r.workOrderId(), moved,
                waiting.map(Enum::name).orElse("none waiting"));
    }

    private static String truncate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200);
    }
}
