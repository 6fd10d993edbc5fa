package com.opensvc.aftersales.parts.loan;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.parts.stock.PartLine;
import com.opensvc.aftersales.parts.stock.StockService;
import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.ForbiddenException;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.InvalidFieldException.FieldError;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/**
 * PRT-01: parts requests as reservations — made at the counter, approved or rejected by the storekeeper above the
 * auto-approval limit, and listed. SEC-02: a technician reads only the reservations made for them.
 */
@RestController
@Validated
@RequestMapping("/api/parts/reservations")
@RequiredArgsConstructor
public class ReservationController {
    private final IssueService issue;
    private final ReservationRepository reservations;
    private final StockService stock;

    @PostMapping
    @PreAuthorize("hasAnyRole('STOREKEEPER', 'SUPERVISOR')")
    public ResponseEntity<Reservation> request(@Valid @RequestBody ReservationInput input,
                                               @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 200) String key) {
        IssueService.Requested requested = issue.request(validRequest(input), key, CurrentUser.name());
        return ResponseEntity.status(requested.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/parts/reservations/" + requested.reservation().id()))
                .body(requested.reservation());
    }

    @PostMapping("/{id}/approval")
    @PreAuthorize("hasRole('STOREKEEPER')")
    public Reservation approve(@PathVariable UUID id) {
        return issue.approve(id, CurrentUser.name());
    }

    @PostMapping("/{id}/rejection")
    @PreAuthorize("hasRole('STOREKEEPER')")
    public Reservation reject(@PathVariable UUID id, @Valid @RequestBody ReservationInput.Rejection rejection) {
        return issue.reject(id, rejection.reason(), CurrentUser.name());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('STOREKEEPER', 'SUPERVISOR', 'MANAGER', 'TECHNICIAN')")
    public PageOf<Reservation> search(@RequestParam(required = false) ReservationState status,
                                      @RequestParam(required = false) @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*") String location,
                                      @RequestParam(required = false) UUID workOrderId,
                                      @RequestParam(required = false) @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*") String technicianId,
                                      Paging paging) {
        String technician = technicianId;
        if (onlyTechnician()) {
            // SEC-02: a technician's list is their own, whatever they ask for
            if (technicianId != null && !technicianId.equals(CurrentUser.name())) {
                throw new ForbiddenException("a technician reads only their own reservations");
            }
            technician = CurrentUser.name();
        }
        return paging.of(reservations.search(status, location, workOrderId, technician, paging),
                reservations.count(status, location, workOrderId, technician));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('STOREKEEPER', 'SUPERVISOR', 'MANAGER', 'TECHNICIAN')")
    public Reservation get(@PathVariable UUID id) {
        Reservation reservation = issue.get(id);
        if (onlyTechnician() && !reservation.technicianId().equals(CurrentUser.name())) {
            throw new NotFoundException("no reservation " + id);   // SEC-02: not even whether it exists
        }
        return reservation;
    }

    private static boolean onlyTechnician() {
        Set<String> roles = CurrentUser.roles();
        return roles.contains("TECHNICIAN") && !roles.contains("STOREKEEPER") && !roles.contains("SUPERVISOR")
                && !roles.contains("MANAGER");
    }

    /** A store, catalogue parts, each part once: anything else names the field. */
    private PartsRequest validRequest(ReservationInput input) {
        List<FieldError> errors = new ArrayList<>();
        if (!stock.receivesStock(input.fromLocation())) {
            errors.add(new FieldError("fromLocation", "is not a known store or warehouse"));
        }
        Set<String> known = stock.knownParts(input.lines().stream().map(ReservationInput.Line::partNumber).toList());
        Map<String, Integer> seen = new HashMap<>();
        List<PartLine> lines = new ArrayList<>();
        for (int i = 0; i < input.lines().size(); i++) {
            ReservationInput.Line line = input.lines().get(i);
            String field = "lines[" + i + "].partNumber";
            if (!known.contains(line.partNumber())) {
                errors.add(new FieldError(field, "is not in the parts catalogue"));
            } else if (seen.putIfAbsent(line.partNumber(), i) != null) {
                errors.add(new FieldError(field, "appears more than once"));
            }
            lines.add(new PartLine(line.partNumber(), line.quantity().intValueExact()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return new PartsRequest(input.workOrderId(), input.ticketId(), input.technicianId(), input.fromLocation(),
                lines);
    }
}
