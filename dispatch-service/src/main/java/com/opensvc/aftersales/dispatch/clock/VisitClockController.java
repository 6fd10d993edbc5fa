package com.opensvc.aftersales.dispatch.clock;

import java.time.Clock;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/** DSP-08: the supervisors' view of the visit clocks, e.g. {@code ?state=RUNNING&overdue=true}. */
@RestController
@Validated
@RequestMapping("/api/dispatch/clocks")
@RequiredArgsConstructor
public class VisitClockController {
    private final VisitClockRepository clocks;
    private final Clock clock;

    /** {@code overdue=true}: running clocks whose due time has passed (the job has not breached them yet). */
    @GetMapping
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER', 'SERVICE_DIRECTOR')")
    public PageOf<VisitClock> search(@RequestParam(required = false) VisitClockState state,
                                     @RequestParam(defaultValue = "false") boolean overdue,
                                     @RequestParam(required = false) UUID workOrderId,
                                     @RequestParam(required = false) UUID ticketId,
                                     @Paging.DefaultSize(50) Paging paging) {
        var filter = new VisitClockRepository.Filter(state, overdue, workOrderId, ticketId, clock.instant());
        return paging.of(clocks.search(filter, paging.size(), paging.offset()), clocks.count(filter));
    }
}
