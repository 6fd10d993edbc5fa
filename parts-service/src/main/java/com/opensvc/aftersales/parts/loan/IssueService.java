package com.opensvc.aftersales.parts.loan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.parts.loan.PartsEvent.PartsBackordered;
import com.opensvc.aftersales.parts.loan.PartsEvent.IssuedLine;
import com.opensvc.aftersales.parts.loan.PartsEvent.PartsIssued;
import com.opensvc.aftersales.parts.loan.PartsEvent.Shortage;
import com.opensvc.aftersales.parts.stock.PartLine;
import com.opensvc.aftersales.parts.stock.StockService;

import lombok.RequiredArgsConstructor;

/**
 * PRT-01, PRT-02: a parts request is issued whole from the technician's home store to their holding, or, if
 * any line is short, nothing moves, the shortage is published and the request waits as a backorder until received
 * stock fills it — oldest first, each fill issuing the whole request. Quantities are checked under the location's
 * lock and row locks, so concurrent requests and receipts never oversell or fill twice, and every change is a ledger
 * movement.
 */
@Service
@RequiredArgsConstructor
public class IssueService {
    private static final Logger log = LoggerFactory.getLogger(IssueService.class);
    static final String ACTOR = "system:parts-issue";

    private final StockService stock;
    private final LoanRepository loans;
    private final BackorderRepository backorders;
    private final PartsProperties properties;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    public enum Outcome {
        ISSUED, BACKORDERED
    }

    /** A backorder that received stock filled: its work order got its parts ({@code PartsIssued}). */
    public record Fill(UUID backorderId, UUID workOrderId, UUID ticketId, String technician, List<PartLine> lines) {
    }

    @Transactional
    public Outcome issue(PartsRequest request) {
        Map<String, Integer> requested = request.quantitiesByPart();
        Instant now = clock.instant();
        // a new request for the work order (e.g. after reassignment) replaces the one still waiting
        backorders.supersedeOpen(request.workOrderId(), now);
        Map<String, Integer> available = stock.lockAvailable(request.fromLocation(), requested.keySet());
        LocalDate expected = LocalDate.ofInstant(now, ZoneOffset.UTC).plus(properties.replenishmentLeadTime());
        List<Shortage> shortages = request.shortages(available, expected);
        if (!shortages.isEmpty()) {
            Backorder backorder = Backorder.open(request, available, expected, now);
            backorders.insert(backorder);
            outbox.append(new PartsBackordered(request.workOrderId(), request.ticketId(), request.technician(),
                    request.fromLocation(), shortages, expected, ACTOR, now));
            // stand-in until the reserve slice merges: the requisition feature raises the replenishment request
            events.publishEvent(new com.opensvc.aftersales.parts.stock.StockShortage(request.fromLocation(),
                    shortages.stream().map(s -> new PartLine(s.partNumber(), s.requested() - s.available())).toList(),
                    request.workOrderId(), request.ticketId(), backorder.id(), ACTOR));
            log.info("Work order {} backordered: {}", request.workOrderId(), shortages);
            return Outcome.BACKORDERED;
        }
        issueWhole(request.workOrderId(), request.ticketId(), request.technician(), request.fromLocation(),
                requested, ACTOR, now);
        return Outcome.ISSUED;
    }

    /**
     * PRT-01: after stock was received at {@code location}, fills its open backorders first come, first served: the
     * oldest first, each only if every one of its lines is on the shelf (a backorder is issued whole, as a request
     * is). One that does not fit stays open and holds no stock; a later one that fits is filled. Runs in the
     * receipt's transaction, under the location's lock.
     *
     * @return the backorders filled, oldest first
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Fill> fillBackorders(String location, UUID receiptId, String actor) {
        Instant now = clock.instant();
        List<Fill> filled = new ArrayList<>();
        for (Backorder backorder : backorders.openForUpdate(location)) {
            Map<String, Integer> requested = backorder.quantitiesByPart();
            if (!backorder.fits(stock.lockAvailable(location, requested.keySet()))) {
                continue;
            }
            issueWhole(backorder.workOrderId(), backorder.ticketId(), backorder.technician(), location, requested,
                    actor, now);
            backorders.markFilled(backorder.id(), receiptId, now);
            filled.add(new Fill(backorder.id(), backorder.workOrderId(), backorder.ticketId(),
                    backorder.technician(), backorder.partLines()));
            log.info("Backorder {} of work order {} filled", backorder.id(), backorder.workOrderId());
        }
        return filled;
    }

    /** The backorders a receipt filled (for reading the receipt back). */
    public List<Fill> filledBy(UUID receiptId) {
        return backorders.filledBy(receiptId).stream().map(b -> new Fill(b.id(), b.workOrderId(), b.ticketId(),
                b.technician(), b.partLines())).toList();
    }

    private void issueWhole(UUID workOrderId, UUID ticketId, String technician, String fromLocation,
                            Map<String, Integer> requested, String actor, Instant now) {
        String holding = stock.technicianHolding(technician);
        var reference = new StockService.Reference(workOrderId, ticketId, actor, now);
        Map<String, BigDecimal> prices = stock.unitPrices(requested.keySet());
        List<IssuedLine> issued = new ArrayList<>();
        requested.forEach((part, quantity) -> {
            stock.issueToTechnician(new PartLine(part, quantity), fromLocation, technician, reference);
            loans.insert(Loan.lend(workOrderId, ticketId, technician, part, quantity, LoanStatus.ON_LOAN, now));
            issued.add(new IssuedLine(part, quantity, prices.get(part)));
        });
        outbox.append(new PartsIssued(workOrderId, ticketId, technician, fromLocation, holding, issued,
                properties.currency(), actor, now));
    }
}
