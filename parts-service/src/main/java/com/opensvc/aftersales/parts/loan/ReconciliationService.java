package com.opensvc.aftersales.parts.loan;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.parts.stock.StockRepository;

/** Settles every loan of a closed work order (PRT-03) and writes off what was consumed under warranty. */
@Service
public class ReconciliationService {
    private final LoanRepository loans;
    private final StockRepository stock;
    private final OutboxWriter outbox;
    private final Clock clock;

    public ReconciliationService(LoanRepository loans, StockRepository stock, OutboxWriter outbox, Clock clock) {
        this.loans = loans;
        this.stock = stock;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record UsedPart(int quantity, String oldSerial) {
    }

    @Transactional
    public void repairClosed(UUID workOrderId, UUID ticketId, String technician, String entitlement,
                             Map<String, UsedPart> usedByPart, String actor) {
        Instant now = clock.instant();
        List<PartsEvents.WrittenOff> writtenOff = new ArrayList<>();
        for (Loan loan : loans.onLoanForUpdate(workOrderId)) {
            UsedPart used = usedByPart.getOrDefault(loan.partNumber(), new UsedPart(0, null));
            Reconciliation.Settlement settlement = Reconciliation.settle(loan.quantity(), used.quantity(),
                    used.oldSerial(), entitlement);
            loans.settle(loan.id(), settlement.settledQuantity(), settlement.status(), settlement.oldSerial(), now);
            if (settlement.returnQuantity() > 0) {
                loans.insert(workOrderId, ticketId, loan.technician(), loan.partNumber(), settlement.returnQuantity(),
                        LoanStatus.AWAITING_RETURN, now);
            }
            if (settlement.status() == LoanStatus.CONSUMED_UNDER_WARRANTY) {
                stock.move(loan.partNumber(), settlement.settledQuantity(), "TECH-" + loan.technician(), null,
                        "CONSUMED_UNDER_WARRANTY", actor, workOrderId, ticketId, now);
                writtenOff.add(new PartsEvents.WrittenOff(loan.partNumber(), settlement.settledQuantity(),
                        "CONSUMED_UNDER_WARRANTY", settlement.oldSerial()));
            }
        }
        if (!writtenOff.isEmpty()) {
            outbox.append(PartsEvents.AGGREGATE, ticketId, "PartsWrittenOff", 1,
                    new PartsEvents.PartsWrittenOff(workOrderId, ticketId, technician, writtenOff, actor, now));
        }
    }
}
