package com.opensvc.aftersales.parts.receipt;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.idempotency.IdempotencyKeys;
import com.opensvc.aftersales.parts.loan.IssueService;
import com.opensvc.aftersales.parts.requisition.Requisitions;
import com.opensvc.aftersales.parts.stock.PartLine;
import com.opensvc.aftersales.parts.stock.StockService;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.InvalidFieldException.FieldError;
import com.opensvc.aftersales.web.NotFoundException;

import lombok.RequiredArgsConstructor;

/**
 * PRT-01, PRT-02: a storekeeper receives stock into a store — one ledger movement per line with the storekeeper and
 * the packing list: {@code RECEIVED} from outside for a purchase or an unplanned delivery, {@code TRANSFERRED} from
 * the store's in-transit location for what the central warehouse allocated; against a requisition each line is
 * checked against what is outstanding on it — and, in the same transaction, the store's open backorders are filled first
 * come, first served, each fill issuing to the technician and publishing {@code PartsIssued}.
 */
@Service
@RequiredArgsConstructor
public class ReceiptService {
    static final String IDEMPOTENCY_RESOURCE = "receipt";

    private final ReceiptRepository receipts;
    private final StockService stock;
    private final IssueService issue;
    private final Requisitions requisitions;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;

    public record Received(Receipt receipt, boolean created) {
    }

    @Transactional
    public Received receive(ReceiptInput input, String idempotencyKey, String actor) {
        List<PartLine> lines = validLines(input);
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotencyKeys.claim(IDEMPOTENCY_RESOURCE, idempotencyKey, id);
        if (earlier.isPresent()) {
            return new Received(get(earlier.get()), false);
        }
        Instant now = clock.instant();
        Requisitions.Inbound inbound = input.requisitionId() == null ? Requisitions.Inbound.UNPLANNED
                : requisitions.receive(input.requisitionId(), input.location(), lines);
        Receipt receipt = new Receipt(id, input.location(), input.reference(), input.requisitionId(), lines, actor,
                now, List.of());
        receipts.insert(receipt);
        var reference = new StockService.Reference(null, null, actor, now, input.reference());
        lines.forEach(line -> stock.move(line, inbound.from(), input.location(), inbound.reason(), reference));
        return new Received(receipt.withFilled(issue.fillBackorders(input.location(), id, actor)), true);
    }

    @Transactional(readOnly = true)
    public Receipt get(UUID id) {
        return receipts.find(id).map(r -> r.withFilled(issue.filledBy(id)))
                .orElseThrow(() -> new NotFoundException("no receipt " + id));
    }

    /** Known store, catalogue parts, each part once: anything else names the field. */
    private List<PartLine> validLines(ReceiptInput input) {
        List<FieldError> errors = new ArrayList<>();
        if (!stock.receivesStock(input.location())) {
            errors.add(new FieldError("location", "is not a known store or warehouse"));
        }
        Set<String> known = stock.knownParts(input.lines().stream().map(ReceiptInput.Line::partNumber).toList());
        Map<String, Integer> seen = new HashMap<>();
        List<PartLine> lines = new ArrayList<>();
        for (int i = 0; i < input.lines().size(); i++) {
            ReceiptInput.Line line = input.lines().get(i);
            String field = "lines[" + i + "].partNumber";
            if (!known.contains(line.partNumber())) {
                errors.add(new FieldError(field, "is not in the parts catalogue"));
            } else if (seen.putIfAbsent(line.partNumber(), i) != null) {
                errors.add(new FieldError(field, "appears more than once"));
            }
            lines.add(new PartLine(line.partNumber(), wholeQuantity(line.quantity())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return lines;
    }

    /** Bean validation has checked it is a positive whole number of at most six digits. */
    private static int wholeQuantity(BigDecimal quantity) {
        return quantity.intValueExact();
    }
}
