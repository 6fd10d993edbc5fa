package com.opensvc.aftersales.parts.planning;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.IfMatch;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/**
 * PRT-06: the storekeeper plans safety stock, minimum and maximum per part and location; supervisors and managers
 * read the plans with the stock they plan. PUT creates a plan, or replaces it with {@code If-Match}; every answer
 * carries the plan's ETag.
 */
@RestController
@Validated
@RequestMapping("/api/parts/plans")
@RequiredArgsConstructor
public class PlanningController {
    private static final String READERS = "hasAnyRole('STOREKEEPER', 'SUPERVISOR', 'MANAGER')";

    private final PlanningService planning;

    @PutMapping("/{location}/{partNumber}")
    @PreAuthorize("hasRole('STOREKEEPER')")
    public ResponseEntity<PlanView> set(@PathVariable @Size(max = 100) String location,
                                        @PathVariable @Size(max = 100) String partNumber,
                                        @Valid @RequestBody PlanInput input,
                                        @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        PlanningService.Saved saved = planning.set(location, partNumber, input.figures(), ifMatch, CurrentUser.name());
        var response = saved.created()
                ? ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/parts/plans/"
                        + UriUtils.encodePathSegment(location, "UTF-8") + "/"
                        + UriUtils.encodePathSegment(partNumber, "UTF-8")))
                : ResponseEntity.ok();
        return response.eTag(IfMatch.etag(saved.plan().version())).body(saved.plan());
    }

    @GetMapping("/{location}/{partNumber}")
    @PreAuthorize(READERS)
    public ResponseEntity<PlanView> get(@PathVariable @Size(max = 100) String location,
                                        @PathVariable @Size(max = 100) String partNumber) {
        PlanView plan = planning.get(location, partNumber);
        return ResponseEntity.ok().eTag(IfMatch.etag(plan.version())).body(plan);
    }

    /** Plans in location and part order; {@code belowMinimum} keeps those whose available is (not) below minimum. */
    @GetMapping
    @PreAuthorize(READERS)
    public PageOf<PlanView> list(@RequestParam(required = false) @Size(max = 100) String location,
                                 @RequestParam(required = false) Boolean belowMinimum, Paging paging) {
        return planning.list(location, belowMinimum, paging);
    }
}
