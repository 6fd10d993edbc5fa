package com.opensvc.aftersales.parts.planning;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.parts.stock.StockChanged;
import com.opensvc.aftersales.parts.stock.StockService;
import com.opensvc.aftersales.web.IfMatch;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.InvalidFieldException.FieldError;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/**
 * PRT-06: the storekeeper's stock plans, and the watch on them. Every stock change at a planned location and part
 * looks at available (on hand − reserved) against the plan's minimum in the mover's transaction: the first change
 * below it publishes {@link StockBelowMinimum}, the next changes below it publish nothing, and the first change back
 * at or above it clears the flag, so that the next fall publishes again.
 */
@Service
@RequiredArgsConstructor
public class PlanningService {
    /** The actor of a crossing caused by a stock movement (StockChanged does not say who moved the stock). */
    static final String WATCH_ACTOR = "system:parts-planning";

    private final StockPlanRepository plans;
    private final StockService stock;
    private final Clock clock;

    public record Saved(PlanView plan, boolean created) {
    }

    /**
     * Creates the plan, or replaces its figures at the version {@code ifMatch} names (428 without it, 412 when
     * stale). A plan whose minimum is already above available publishes {@link StockBelowMinimum} at once.
     */
    @Transactional
    public Saved set(String location, String partNumber, StockFigures figures, String ifMatch, String actor) {
        requireKnown(location, partNumber);
        stock.lockLocation(location);
        Instant now = clock.instant();
        Optional<StockPlan> existing = plans.findForUpdate(location, partNumber);
        StockPlan plan;
        if (existing.isEmpty()) {
            if (IfMatch.optionalExpectedVersion(ifMatch) != null) {
                throw new IfMatch.StaleVersionException(resource(location, partNumber));
            }
            plan = StockPlan.create(location, partNumber, figures, actor, now);
            plans.insert(plan);
        } else {
            IfMatch.requireMatch(ifMatch, existing.get().version(), resource(location, partNumber));
            plan = existing.get().revise(figures, actor, now);
            plans.update(plan);
        }
        plans.save(plan.observe(plans.level(location, partNumber), actor, now));
        return new Saved(get(location, partNumber), existing.isEmpty());
    }

    @Transactional(readOnly = true)
    public PlanView get(String location, String partNumber) {
        return plans.find(location, partNumber)
                .orElseThrow(() -> new NotFoundException("no " + resource(location, partNumber)));
    }

    @Transactional(readOnly = true)
    public PageOf<PlanView> list(String location, Boolean belowMinimum, Paging paging) {
        return plans.list(location, belowMinimum, paging);
    }

    /**
     * PRT-06: runs synchronously inside the mover's transaction, which holds the location's lock; the plan's row
     * lock makes the flag's check-and-set one step even for a change made without it.
     */
    @EventListener
    @Transactional
    public void stockChanged(StockChanged changed) {
        plans.findForUpdate(changed.location(), changed.partNumber()).ifPresent(plan -> plans.save(
                plan.observe(plans.level(changed.location(), changed.partNumber()), WATCH_ACTOR, clock.instant())));
    }

    private void requireKnown(String location, String partNumber) {
        List<FieldError> errors = new ArrayList<>();
        if (!stock.receivesStock(location)) {
            errors.add(new FieldError("location", "is not a known store or warehouse"));
        }
        if (stock.knownParts(Set.of(partNumber)).isEmpty()) {
            errors.add(new FieldError("partNumber", "is not in the parts catalogue"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
    }

    private static String resource(String location, String partNumber) {
        return "stock plan of " + partNumber + " at " + location;
    }
}
