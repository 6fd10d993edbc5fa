package com.opensvc.aftersales.parts.loan;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.parts.loan.PartsEvent.PartsWrittenOff;
import com.opensvc.aftersales.parts.loan.PartsEvent.WrittenOff;
import com.opensvc.aftersales.parts.stock.StockService;

import lombok.RequiredArgsConstructor;

/** Settles every loan of a closed work order (PRT-03) and writes off what was consumed under warranty. */
@Service
@RequiredArgsConstructor
public class ReconciliationService {
    static final String ACTOR = "system:parts-reconciliation";

    private final LoanRepository loans;
    private final StockService stock;
    private final OutboxWriter outbox;
    private final Clock clock;

    @Transactional
    public void repairClosed(RepairClosed repair) {
        Instant now = clock.instant();
        var reference = new StockService.Reference(repair.workOrderId(), repair.ticketId(), ACTOR, now);
        List<WrittenOff> writtenOff = new ArrayList<>();
        for (Loan loan : loans.onLoanForUpdate(repair.workOrderId())) {
            RepairClosed.PartUsed used = repair.used(loan.partNumber());
            LoanChange change = loan.settle(used.quantity(), used.oldSerial(), repair.entitlement(), now);
            loans.save(change);
            change.consumedUnderWarranty().ifPresent(consumed -> {
                stock.consumeUnderWarranty(consumed, loan.technician(), reference);
                writtenOff.add(change.writtenOff());
            });
        }
        if (!writtenOff.isEmpty()) {
            outbox.append(new PartsWrittenOff(repair.workOrderId(), repair.ticketId(), repair.technicianId(),
                    writtenOff, ACTOR, now));
        }
    }
}
