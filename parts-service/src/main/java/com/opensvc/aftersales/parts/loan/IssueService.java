package com.opensvc.aftersales.parts.loan;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.parts.loan.PartsEvent.PartsBackordered;
import com.opensvc.aftersales.parts.loan.PartsEvent.PartsIssued;
import com.opensvc.aftersales.parts.loan.PartsEvent.Shortage;
import com.opensvc.aftersales.parts.stock.PartLine;
import com.opensvc.aftersales.parts.stock.StockService;

import lombok.RequiredArgsConstructor;

/**
 * PRT-01, PRT-02: a parts request is issued whole from the technician's home store to their holding, or, if
 * any line is short, nothing moves and the shortage is published. Quantities are checked under row locks, so
 * concurrent requests never oversell, and every change is a ledger movement.
 */
@Service
@RequiredArgsConstructor
public class IssueService {
    private static final Logger log = LoggerFactory.getLogger(IssueService.class);
    static final String ACTOR = "system:parts-issue";

    private final StockService stock;
    private final LoanRepository loans;
    private final OutboxWriter outbox;
    private final Clock clock;

    public enum Outcome {
        ISSUED, BACKORDERED
    }

    @Transactional
    public Outcome issue(PartsRequest request) {
        Map<String, Integer> requested = request.quantitiesByPart();
        List<Shortage> shortages = request.shortages(stock.lockAvailable(request.fromLocation(), requested.keySet()));
        Instant now = clock.instant();
        if (!shortages.isEmpty()) {
            outbox.append(new PartsBackordered(request.workOrderId(), request.ticketId(), request.technician(),
                    request.fromLocation(), shortages, ACTOR, now));
            log.info("Work order {} backordered: {}", request.workOrderId(), shortages);
            return Outcome.BACKORDERED;
        }
        String holding = stock.technicianHolding(request.technician());
        var reference = new StockService.Reference(request.workOrderId(), request.ticketId(), ACTOR, now);
        List<PartLine> issued = new ArrayList<>();
        requested.forEach((part, quantity) -> {
            PartLine line = new PartLine(part, quantity);
            stock.issueToTechnician(line, request.fromLocation(), request.technician(), reference);
            loans.insert(Loan.lend(request.workOrderId(), request.ticketId(), request.technician(), part, quantity,
                    LoanStatus.ON_LOAN, now));
            issued.add(line);
        });
        outbox.append(new PartsIssued(request.workOrderId(), request.ticketId(), request.technician(),
                request.fromLocation(), holding, issued, ACTOR, now));
        return Outcome.ISSUED;
    }
}
