package com.opensvc.aftersales.parts.loan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.ForbiddenException;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/**
 * PRT-03, PRT-05: loans, their settlement by the storekeeper (old parts, unused returns, inspection) and the overdue
 * report. SEC-02: a technician reads only their own loans.
 */
@RestController
@Validated
@RequiredArgsConstructor
public class LoanController {
    /** The roles that read every technician's loans. */
    private static final Set<String> READ_ALL = Set.of("STOREKEEPER", "SUPERVISOR", "MANAGER", "FINANCE", "QUALITY");

    private final LoanRepository loans;
    private final ReconciliationService reconciliation;
    private final SettlementProperties properties;
    private final Clock clock;

    /** The storekeeper's reading of the old part returned for a warranty loan: at least one of the two. */
    public record OldPartCheckIn(@Size(max = 100) String serialNumber, LocalDate factoryDate) {
    }

    /** The inspection of a part returned unused: passed → restocked, failed → scrapped. */
    public record Inspection(@NotNull Boolean passed, @Size(max = 500) String note) {
    }

    /** SEC-02: a technician (without a role that reads all) sees only their own loans; another's → 403. */
    @GetMapping("/api/parts/loans")
    @PreAuthorize("hasAnyRole('STOREKEEPER', 'SUPERVISOR', 'MANAGER', 'FINANCE', 'QUALITY', 'TECHNICIAN')")
    public PageOf<Loan> search(@RequestParam(required = false) UUID workOrderId,
                               @RequestParam(required = false) @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*") String technicianId,
                               @RequestParam(required = false) LoanStatus status,
                               @Paging.DefaultSize(PageOf.MAX_SIZE) Paging paging) {
        String technician = technicianId;
        if (!readsAll()) {
            if (technicianId != null && !technicianId.equals(CurrentUser.name())) {
                throw new ForbiddenException("a technician reads only their own loans");
            }
            technician = CurrentUser.name();
        }
        return paging.of(loans.search(workOrderId, technician, status, paging),
                loans.count(workOrderId, technician, status));
    }

    /** SEC-02: the calling technician's own loans. */
    @GetMapping("/api/parts/loans/mine")
    @PreAuthorize("hasRole('TECHNICIAN')")
    public PageOf<Loan> mine(@RequestParam(required = false) LoanStatus status,
                             @Paging.DefaultSize(PageOf.MAX_SIZE) Paging paging) {
        String me = CurrentUser.name();
        return paging.of(loans.search(null, me, status, paging), loans.count(null, me, status));
    }

    /**
     * PRT-05: per technician, loans without an outcome more than {@code days} (default
     * {@code aftersales.parts.loan-overdue-after}) after their work order closed; the technician with the oldest first.
     */
    @GetMapping("/api/parts/loans/overdue")
    @PreAuthorize("hasAnyRole('STOREKEEPER', 'SUPERVISOR', 'MANAGER')")
    public PageOf<OverdueLoans> overdue(@RequestParam(required = false) @Min(0) @Max(3650) Integer days,
                                        Paging paging) {
        var now = clock.instant().atZone(ZoneOffset.UTC);
        Instant closedBefore = (days == null ? now.minus(properties.loanOverdueAfter()) : now.minusDays(days))
                .toInstant();
        return paging.of(loans.overdue(closedBefore, paging), loans.countOverdueTechnicians(closedBefore));
    }

    @GetMapping("/api/parts/loans/{id}")
    @PreAuthorize("hasAnyRole('STOREKEEPER', 'SUPERVISOR', 'MANAGER', 'FINANCE', 'QUALITY', 'TECHNICIAN')")
    public Loan get(@PathVariable UUID id) {
        Loan loan = loans.find(id).orElseThrow(() -> new NotFoundException("no loan " + id));
        if (!readsAll() && !loan.technician().equals(CurrentUser.name())) {
            throw new NotFoundException("no loan " + id);
        }
        return loan;
    }

    /** PRT-03, PRT-04: the storekeeper checks in the old part of a warranty loan. */
    @PostMapping("/api/parts/loans/{id}/old-part")
    @PreAuthorize("hasRole('STOREKEEPER')")
    public Loan checkInOldPart(@PathVariable UUID id, @Valid @RequestBody OldPartCheckIn oldPart) {
        String serial = oldPart.serialNumber() == null || oldPart.serialNumber().isBlank() ? null
                : oldPart.serialNumber().trim();
        if (serial == null && oldPart.factoryDate() == null) {
            String message = "give the old part's serialNumber or factoryDate (at least one)";
            throw new InvalidFieldException(new ArrayList<>(List.of(
                    new InvalidFieldException.FieldError("serialNumber", message),
                    new InvalidFieldException.FieldError("factoryDate", message))));
        }
        return reconciliation.checkInOldPart(id, serial, oldPart.factoryDate(), CurrentUser.name());
    }

    /** PRT-03: the storekeeper receives an unused part back from the technician (into the store's quarantine). */
    @PostMapping("/api/parts/loans/{id}/return")
    @PreAuthorize("hasRole('STOREKEEPER')")
    public Loan returnUnused(@PathVariable UUID id) {
        return reconciliation.returnUnused(id, CurrentUser.name());
    }

    /** PRT-03: the inspection of a returned part: restocked or scrapped. */
    @PostMapping("/api/parts/loans/{id}/inspection")
    @PreAuthorize("hasAnyRole('STOREKEEPER', 'QUALITY')")
    public Loan inspect(@PathVariable UUID id, @Valid @RequestBody Inspection inspection) {
        return reconciliation.inspect(id, inspection.passed(), inspection.note(), CurrentUser.name());
    }

    private static boolean readsAll() {
        return CurrentUser.roles().stream().anyMatch(READ_ALL::contains);
    }
}
