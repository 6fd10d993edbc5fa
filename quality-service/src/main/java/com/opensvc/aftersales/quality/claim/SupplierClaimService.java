package com.opensvc.aftersales.quality.claim;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.quality.defect.DefectClassified;
import com.opensvc.aftersales.quality.installedbase.InstalledBase;
import com.opensvc.aftersales.quality.installedbase.InstalledUnit;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;

import lombok.RequiredArgsConstructor;

/**
 * QLT-09: raises a supplier claim when a defect's analysis names a purchased component as the cause (or purchasing as
 * the responsible department and a causing part), keeps the purchased components, and takes claims through their
 * states for purchasing (recorded by quality or a manager: there is no purchasing role).
 */
@Service
@RequiredArgsConstructor
public class SupplierClaimService {
    private static final Logger log = LoggerFactory.getLogger(SupplierClaimService.class);
    static final String ACTOR = "system:quality-claims";
    static final String PURCHASING = "PURCHASING";

    private final SupplierClaimRepository claims;
    private final PurchasedComponentRepository components;
    private final InstalledBase installedBase;
    private final ClaimProperties properties;
    private final Clock clock;

    /** In the classifying transaction: a failure caused by a purchased component raises its claim, once. */
    @Transactional
    public void defectClassified(DefectClassified classified) {
        String part = blankToNull(classified.causingPartNumber());
        if (part == null) {
            return;
        }
        Optional<PurchasedComponent> component = components.find(part);
        boolean purchasing = PURCHASING.equalsIgnoreCase(blankToNull(classified.responsibleDepartment()));
        if (component.isEmpty() && !purchasing) {
            return;
        }
        if (claims.exists(classified.defectId(), part)) {
            log.info("Defect {} already has its supplier claim for part {}", classified.defectId(), part);
            return;
        }
        String batch = classified.productionBatch() != null ? classified.productionBatch()
                : batchOf(classified.productModel(), classified.serialNumber());
        ClaimedFailure failure = new ClaimedFailure(classified.defectId(), classified.ticketId(),
                classified.productModel(), classified.serialNumber(), batch, part, classified.failureMode(),
                classified.cause());
        raise(failure, component.orElse(null), ACTOR);
    }

    public record Raised(SupplierClaimDetails claim, boolean created) {
    }

    /** QLT-09 by hand: the claim of a defect and the part that caused it; an existing one is returned as it is. */
    @Transactional
    public Raised raiseByHand(ClaimRequests.RaiseRequest request, String actor) {
        String part = request.partNumber().strip();
        Optional<SupplierClaim> existing = claims.findByDefectAndPart(request.defectId(), part);
        if (existing.isPresent()) {
            return new Raised(details(existing.get().id()), false);
        }
        ClaimedFailure defect = claims.defect(request.defectId(), part)
                .orElseThrow(() -> new InvalidFieldException("defectId", "names no defect record"));
        ClaimedFailure failure = new ClaimedFailure(defect.defectId(), defect.ticketId(), defect.productModel(),
                defect.serialNumber(), batchOf(defect.productModel(), defect.serialNumber()), part,
                defect.failureMode(), defect.cause());
        Optional<UUID> id = raise(failure, components.find(part).orElse(null), actor);
        if (id.isEmpty()) {
            // raised concurrently by another request or the defect's classification
            return new Raised(details(claims.findByDefectAndPart(request.defectId(), part).orElseThrow().id()), false);
        }
        return new Raised(details(id.get()), true);
    }

    private Optional<UUID> raise(ClaimedFailure failure, PurchasedComponent component, String actor) {
        Instant now = clock.instant();
        int year = LocalDate.ofInstant(now, properties.zone()).getYear();
        SupplierClaimChange raised = SupplierClaim.raise(UUID.randomUUID(), claims.nextNumber(year), failure,
                component, actor, now);
        if (!claims.insertIfAbsent(raised)) {
            log.info("Defect {} already has its supplier claim for part {}", failure.defectId(), failure.partNumber());
            return Optional.empty();
        }
        log.info("Raised supplier claim {} ({}) for defect {}, part {}: {}", raised.claim().claimNumber(),
                raised.claim().id(), failure.defectId(), failure.partNumber(), raised.claim().state());
        return Optional.of(raised.claim().id());
    }

    /**
     * Registers a purchased component (only the {@code expectedVersion} when given: If-Match); claims of the part
     * waiting for their supplier are opened with it.
     */
    @Transactional
    public PurchasedComponent putComponent(String partNumber, ClaimRequests.ComponentRequest request,
                                           Integer expectedVersion, String actor) {
        PurchasedComponent component = components.put(partNumber, request, expectedVersion, actor, clock.instant());
        for (SupplierClaim waiting : claims.needingSupplierForUpdate(partNumber)) {
            claims.save(waiting.assignSupplier(component, actor, clock.instant()));
            log.info("Supplier claim {} opened: supplier of part {} now known", waiting.id(), partNumber);
        }
        return component;
    }

    @Transactional
    public SupplierClaimDetails submit(UUID id, String reference, String actor) {
        return apply(id, claim -> claim.submit(reference, actor, clock.instant()));
    }

    @Transactional
    public SupplierClaimDetails decide(UUID id, boolean accepted, String note, String actor) {
        return apply(id, claim -> claim.decide(accepted, note, actor, clock.instant()));
    }

    @Transactional
    public SupplierClaimDetails settle(UUID id, BigDecimal amount, String currency, String actor) {
        return apply(id, claim -> claim.settle(amount, currency, actor, clock.instant()));
    }

    @Transactional
    public SupplierClaimDetails close(UUID id, String note, String actor) {
        return apply(id, claim -> claim.close(note, actor, clock.instant()));
    }

    private SupplierClaimDetails apply(UUID id, Function<SupplierClaim, SupplierClaimChange> transition) {
        SupplierClaim claim = claims.findForUpdate(id).orElseThrow(() -> notFound(id));
        SupplierClaimChange change = transition.apply(claim);
        claims.save(change);
        log.info("Supplier claim {} {} → {} by {}", id, change.history().action(), change.claim().state(),
                change.history().actor());
        return details(id);
    }

    public SupplierClaimDetails details(UUID id) {
        SupplierClaim claim = claims.find(id).orElseThrow(() -> notFound(id));
        return new SupplierClaimDetails(claim, claims.history(id));
    }

    private String batchOf(String productModel, String serialNumber) {
        if (productModel == null || serialNumber == null) {
            return null;
        }
        return installedBase.find(productModel, serialNumber).map(InstalledUnit::productionBatch).orElse(null);
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("no supplier claim " + id);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
