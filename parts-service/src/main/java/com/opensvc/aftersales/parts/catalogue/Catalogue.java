package com.opensvc.aftersales.parts.catalogue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.idempotency.IdempotencyKeys;
import com.opensvc.aftersales.web.IfMatch;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;
import com.opensvc.aftersales.web.StateConflictException;

import lombok.RequiredArgsConstructor;

/**
 * The part catalogue (DOMAIN.md §5): part number, description, unit price, serialised or not, fitting product models.
 * The storekeeper creates and edits parts and sets their prices (INT-08); every price set is kept in the append-only
 * price history with who and when (SEC-03); a part is retired, never deleted (SEC-05). The other features read parts
 * through {@link #find}.
 */
@Service
@RequiredArgsConstructor
public class Catalogue {
    static final String IDEMPOTENCY_RESOURCE = "part";

    private final CatalogueRepository parts;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;

    public record Created(Part part, boolean created) {
    }

    /**
     * A new part with its first price on the price history; 409 when the part number exists. A repeated
     * {@code Idempotency-Key} for the same part number returns the part ({@code created} false).
     */
    @Transactional
    public Created create(NewPart input, String idempotencyKey, String actor) {
        UUID id = UUID.nameUUIDFromBytes(("part:" + input.partNumber()).getBytes(StandardCharsets.UTF_8));
        Optional<UUID> earlier = idempotencyKeys.claim(IDEMPOTENCY_RESOURCE, idempotencyKey, id);
        if (earlier.isPresent()) {
            if (!earlier.get().equals(id)) {
                throw new InvalidFieldException("Idempotency-Key", "was already used to create another part");
            }
            return new Created(get(input.partNumber()), false);
        }
        Instant now = clock.instant();
        Part part = new Part(input.partNumber(), input.description(), input.unitPrice(), input.serialised(),
                input.models(), true, 0, now, actor);
        if (!parts.insert(part)) {
            throw new StateConflictException("part " + input.partNumber(), "already in the catalogue",
                    "create it again (edit it with PUT)");
        }
        parts.recordPrice(part.partNumber(), null, part.unitPrice(), actor, now);
        return new Created(get(part.partNumber()), true);
    }

    /**
     * The storekeeper's edit: If-Match with the version read (412 when stale). A new unit price (compared by value:
     * 12.5 = 12.50) adds a line to the price history (INT-08, SEC-03).
     */
    @Transactional
    public Part change(String partNumber, PartEdit input, int expectedVersion, String actor) {
        Part current = parts.findForUpdate(partNumber).orElseThrow(() -> notFound(partNumber));
        IfMatch.require(expectedVersion, current.version(), "part " + partNumber);
        Instant now = clock.instant();
        parts.update(new Part(partNumber, input.description(), input.unitPrice(), input.serialised(), input.models(),
                input.active(), current.version(), now, actor));
        if (current.unitPrice().compareTo(input.unitPrice()) != 0) {
            parts.recordPrice(partNumber, current.unitPrice(), input.unitPrice(), actor, now);
        }
        return get(partNumber);
    }

    /** The part, active or retired; empty when the catalogue has no such part number. */
    @Transactional(readOnly = true)
    public Optional<Part> find(String partNumber) {
        return parts.find(partNumber);
    }

    @Transactional(readOnly = true)
    public Part get(String partNumber) {
        return find(partNumber).orElseThrow(() -> notFound(partNumber));
    }

    /** Parts fitting {@code model}, with {@code text} in their number or description, active or not; nulls match all. */
    @Transactional(readOnly = true)
    public PageOf<Part> search(String model, String text, Boolean active, Paging paging) {
        return parts.search(blankToNull(model), blankToNull(text), active, paging);
    }

    /** INT-08, SEC-03: every price the part had, oldest first. */
    @Transactional(readOnly = true)
    public PageOf<PriceChange> priceHistory(String partNumber, Paging paging) {
        get(partNumber);
        return parts.priceHistory(partNumber, paging);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static NotFoundException notFound(String partNumber) {
        return new NotFoundException("no part " + partNumber + " in the catalogue");
    }
}
