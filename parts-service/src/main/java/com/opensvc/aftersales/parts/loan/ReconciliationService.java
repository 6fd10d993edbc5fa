package com.opensvc.aftersales.parts.loan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.parts.loan.PartsEvent.PartsWrittenOff;
import com.opensvc.aftersales.parts.loan.PartsEvent.WrittenOff;
import com.opensvc.aftersales.parts.production.ProductionRecord;
import com.opensvc.aftersales.parts.production.ProductionRecords;
import com.opensvc.aftersales.parts.stock.StockService;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.StateConflictException;

import lombok.RequiredArgsConstructor;

/**
 * PRT-03, PRT-04: settles loans. RepairClosed settles every loan of the work order (warranty → waits for the old
 * part; paid → written off against the payment reference, at once or on PaymentCollected; unused → to be returned);
 * the storekeeper checks in old parts (matched against parts' copy of the production record), receives unused parts
 * into the store's quarantine, and the inspection restocks or scraps them. Each move runs under the loan's row lock,
 * so a loan never settles twice; every stock change is a ledger movement.
 */
@Service
@RequiredArgsConstructor
public class ReconciliationService {
    private static final Logger log = LoggerFactory.getLogger(ReconciliationService.class);
    static final String ACTOR = "system:parts-reconciliation";

    private final LoanRepository loans;
    private final StockService stock;
    private final ProductionRecords productionRecords;
    private final OutboxWriter outbox;
    private final Clock clock;

    @Transactional
    public void repairClosed(RepairClosed repair) {
        Instant now = clock.instant();
        List<WrittenOff> writtenOff = new ArrayList<>();
        for (Loan loan : loans.onLoanForUpdate(repair.workOrderId())) {
            apply(loan.settle(repair.repairOf(loan.partNumber(), now), ACTOR, now), ACTOR, now, writtenOff);
        }
        publishWrittenOff(repair.workOrderId(), repair.ticketId(), repair.technicianId(), writtenOff, ACTOR, now);
    }

    /** PRT-03: the payment reference of the work order's paid work arrived; its waiting loans are written off. */
    @Transactional
    public void paymentCollected(PaymentCollected payment) {
        Instant now = clock.instant();
        List<Loan> waiting = loans.ofWorkOrderForUpdate(payment.workOrderId(), LoanStatus.AWAITING_PAYMENT_REFERENCE);
        List<WrittenOff> writtenOff = new ArrayList<>();
        for (Loan loan : waiting) {
            apply(loan.paymentCollected(payment.reference(), ACTOR, now), ACTOR, now, writtenOff);
        }
        if (!waiting.isEmpty()) {
            publishWrittenOff(payment.workOrderId(), payment.ticketId(), waiting.getFirst().technician(), writtenOff,
                    ACTOR, now);
        }
    }

    /** The work order was cancelled: what is still on loan for it is to be returned unused. */
    @Transactional
    public void workOrderCancelled(UUID workOrderId, String actor) {
        Instant now = clock.instant();
        for (Loan loan : loans.onLoanForUpdate(workOrderId)) {
            apply(loan.cancelled(actor, now), actor, now, new ArrayList<>());
        }
    }

    /**
     * PRT-03, PRT-04: the storekeeper checked in the old part of a warranty loan. A match with the repaired unit's
     * production record writes the loan off and forwards the defective part to quality; no match blocks it.
     */
    @Transactional
    public Loan checkInOldPart(UUID loanId, String serialNumber, LocalDate factoryDate, String storekeeper) {
        Instant now = clock.instant();
        Loan loan = forUpdate(loanId);
        Optional<ProductionRecord.Mismatch> mismatch = ProductionRecord.check(
                productionRecords.find(loan.productModel(), loan.productSerialNumber()), loan.partNumber(),
                serialNumber, factoryDate);
        List<WrittenOff> writtenOff = new ArrayList<>();
        apply(loan.checkInOldPart(serialNumber, factoryDate, mismatch, storekeeper, now), storekeeper, now,
                writtenOff);
        publishWrittenOff(loan.workOrderId(), loan.ticketId(), loan.technician(), writtenOff, storekeeper, now);
        log.info("Old part of loan {} checked in: {}", loanId, mismatch.map(Enum::name).orElse("matched"));
        return loans.find(loanId).orElseThrow();
    }

    /** PRT-03: the storekeeper received an unused part from the technician into the issuing store's quarantine. */
    @Transactional
    public Loan returnUnused(UUID loanId, String storekeeper) {
        Instant now = clock.instant();
        Loan loan = forUpdate(loanId);
        loan.status().requireTransitionTo(LoanStatus.RETURNED_FOR_INSPECTION);
        String store = stock.issuedFrom(loan.workOrderId(), loan.partNumber()).orElseThrow(
                () -> new StateConflictException("loan", loan.status().name(),
                        "be returned: the ledger names no store it was issued from"));
        apply(loan.returnedUnused(store, stock.quarantineOf(store), storekeeper, now), storekeeper, now,
                new ArrayList<>());
        return loans.find(loanId).orElseThrow();
    }

    /** PRT-03: the returned part was inspected: passed → back on the store's shelf; failed → scrapped. */
    @Transactional
    public Loan inspect(UUID loanId, boolean passed, String note, String inspector) {
        Instant now = clock.instant();
        Loan loan = forUpdate(loanId);
        loan.status().requireTransitionTo(passed ? LoanStatus.RESTOCKED : LoanStatus.SCRAPPED);
        List<WrittenOff> writtenOff = new ArrayList<>();
        apply(loan.inspected(passed, note, stock.quarantineOf(loan.store()), inspector, now), inspector, now,
                writtenOff);
        publishWrittenOff(loan.workOrderId(), loan.ticketId(), loan.technician(), writtenOff, inspector, now);
        return loans.find(loanId).orElseThrow();
    }

    private Loan forUpdate(UUID loanId) {
        return loans.findForUpdate(loanId).orElseThrow(() -> new NotFoundException("no loan " + loanId));
    }

    /** The change's ledger movement, then the loan, its rest and its events; its written-off line is gathered. */
    private void apply(LoanChange change, String actor, Instant now, List<WrittenOff> writtenOff) {
        Loan loan = change.loan();
        change.move().ifPresent(move -> {
            var reference = new StockService.Reference(loan.workOrderId(), loan.ticketId(), actor, now);
            stock.move(move.line(), move.from(), move.to(), move.reason(),
                    move.productModel() == null ? reference : reference.withProductModel(move.productModel()));
        });
        loans.save(change);
        change.writtenOff().ifPresent(writtenOff::add);
    }

    private void publishWrittenOff(UUID workOrderId, UUID ticketId, String technician, List<WrittenOff> lines,
                                   String actor, Instant now) {
        if (!lines.isEmpty()) {
            outbox.append(new PartsWrittenOff(workOrderId, ticketId, technician, lines, actor, now));
        }
    }
}
