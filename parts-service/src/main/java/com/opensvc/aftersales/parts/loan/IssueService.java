package com.opensvc.aftersales.parts.loan;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.parts.stock.PartLine;
import com.opensvc.aftersales.parts.stock.StockRepository;

/**
 * PRT-01, PRT-02: a parts request is issued whole from the technician's home store to their holding, or, if
 * any line is short, nothing moves and the shortage is published. Quantities are checked under row locks, so
 * concurrent requests never oversell, and every change is a ledger movement.
 */
@Service
public class IssueService {
    private static final Logger log = LoggerFactory.getLogger(IssueService.class);
    static final String ACTOR = "system:parts-issue";

    private final StockRepository stock;
    private final LoanRepository loans;
    private final OutboxWriter outbox;
    private final Clock clock;

    public IssueService(StockRepository stock, LoanRepository loans, OutboxWriter outbox, Clock clock) {
        this.stock = stock;
        this.loans = loans;
        this.outbox = outbox;
        this.clock = clock;
    }

    public enum Outcome {
        ISSUED, BACKORDERED
    }

    @Transactional
    public Outcome issue(PartsRequest request) {
        Map<String, Integer> requested = new TreeMap<>();
        request.lines().forEach(l -> requested.merge(l.partNumber(), l.quantity(), Integer::sum));
        Map<String, Integer> available = stock.locationExists(request.fromLocation())
                ? stock.lockAvailable(request.fromLocation(), requested.keySet()) : Map.of();
        Instant now = clock.instant();
        List<PartsEvents.Shortage> shortages = new ArrayList<>();
        requested.forEach((part, quantity) -> {
            int onShelf = available.getOrDefault(part, 0);
            if (onShelf < quantity) {
                shortages.add(new PartsEvents.Shortage(part, quantity, onShelf));
            }
        });
        if (!shortages.isEmpty()) {
            outbox.append(PartsEvents.AGGREGATE, request.ticketId(), "PartsBackordered", 1,
                    new PartsEvents.PartsBackordered(request.workOrderId(), request.ticketId(), request.technician(),
                            request.fromLocation(), shortages, ACTOR, now));
            log.info("Work order {} backordered: {}", request.workOrderId(), shortages);
            return Outcome.BACKORDERED;
        }
        String holding = request.technicianHolding();
        stock.ensureTechnicianHolding(holding, request.technician());
        List<PartLine> issued = new ArrayList<>();
        requested.forEach((part, quantity) -> {
            stock.move(part, quantity, request.fromLocation(), holding, "ISSUE_TO_TECHNICIAN", ACTOR,
                    request.workOrderId(), request.ticketId(), now);
            loans.insert(request.workOrderId(), request.ticketId(), request.technician(), part, quantity,
                    LoanStatus.ON_LOAN, now);
            issued.add(new PartLine(part, quantity));
        });
        outbox.append(PartsEvents.AGGREGATE, request.ticketId(), "PartsIssued", 1,
                new PartsEvents.PartsIssued(request.workOrderId(), request.ticketId(), request.technician(),
                        request.fromLocation(), holding, issued, ACTOR, now));
        return Outcome.ISSUED;
    }
}
