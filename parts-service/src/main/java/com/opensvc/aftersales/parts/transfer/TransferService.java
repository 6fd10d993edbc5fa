package com.opensvc.aftersales.parts.transfer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.idempotency.IdempotencyKeys;
import com.opensvc.aftersales.parts.loan.IssueService;
import com.opensvc.aftersales.parts.stock.MovementReason;
import com.opensvc.aftersales.parts.stock.PartLine;
import com.opensvc.aftersales.parts.stock.StockService;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.InvalidFieldException.FieldError;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/**
 * PRT-01, PRT-02: the storekeeper moves stock between stores and the central warehouse — one {@code TRANSFERRED}
 * ledger movement per line (409 when the source has not enough available) — and, in the same transaction, the
 * destination's open backorders are filled first come, first served, each fill publishing {@code PartsIssued}.
 */
@Service
@RequiredArgsConstructor
public class TransferService {
    static final String IDEMPOTENCY_RESOURCE = "transfer";
    /** Stock moves between these; a technician's holding is issue and return, transit and quarantine are internal. */
    private static final Set<String> TRANSFERABLE = Set.of("CENTRAL", "STORE");

    private final TransferRepository transfers;
    private final StockService stock;
    private final IssueService issue;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;

    public record Transferred(Transfer transfer, boolean created) {
    }

    @Transactional
    public Transferred transfer(TransferInput input, String idempotencyKey, String actor) {
        List<PartLine> lines = validLines(input);
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotencyKeys.claim(IDEMPOTENCY_RESOURCE, idempotencyKey, id);
        if (earlier.isPresent()) {
            return new Transferred(get(earlier.get()), false);
        }
        Instant now = clock.instant();
        Transfer transfer = new Transfer(id, input.from(), input.to(), input.reason(), lines, actor, now, List.of());
        transfers.insert(transfer);
        var reference = new StockService.Reference(null, null, actor, now, "transfer " + id);
        lines.forEach(line -> stock.move(line, input.from(), input.to(), MovementReason.TRANSFERRED, reference));
        return new Transferred(transfer.withFilled(issue.fillBackorders(input.to(), id, actor)), true);
    }

    @Transactional(readOnly = true)
    public Transfer get(UUID id) {
        return transfers.find(id).map(t -> t.withFilled(issue.filledBy(id)))
                .orElseThrow(() -> new NotFoundException("no transfer " + id));
    }

    @Transactional(readOnly = true)
    public PageOf<Transfer> search(String from, String to, Paging paging) {
        return paging.of(transfers.search(from, to, paging), transfers.count(from, to));
    }

    /** Two different stores (or the central warehouse), catalogue parts, each part once; anything else is named. */
    private List<PartLine> validLines(TransferInput input) {
        List<FieldError> errors = new ArrayList<>();
        requireTransferable("from", input.from(), errors);
        requireTransferable("to", input.to(), errors);
        if (input.from().equals(input.to())) {
            errors.add(new FieldError("to", "is the same location as from"));
        }
        Set<String> known = stock.knownParts(input.lines().stream().map(TransferInput.Line::partNumber).toList());
        Set<String> seen = new HashSet<>();
        List<PartLine> lines = new ArrayList<>();
        for (int i = 0; i < input.lines().size(); i++) {
            TransferInput.Line line = input.lines().get(i);
            String field = "lines[" + i + "].partNumber";
            if (!known.contains(line.partNumber())) {
                errors.add(new FieldError(field, "is not in the parts catalogue"));
            } else if (!seen.add(line.partNumber())) {
                errors.add(new FieldError(field, "appears more than once"));
            }
            lines.add(new PartLine(line.partNumber(), line.quantity().intValueExact()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return lines;
    }

    private void requireTransferable(String field, String location, List<FieldError> errors) {
        Optional<String> kind = stock.locationKind(location);
        if (kind.isEmpty()) {
            errors.add(new FieldError(field, "is not a known location"));
        } else if (kind.get().equals("TECHNICIAN")) {
            errors.add(new FieldError(field, "is a technician's holding: parts reach and leave it by issue and return"));
        } else if (!TRANSFERABLE.contains(kind.get())) {
            errors.add(new FieldError(field, "is not a store or the central warehouse"));
        }
    }
}
