package com.opensvc.aftersales.revisit.happycall;

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

/** REV-01 audit: every revisit decision with the inputs it was taken from, newest first. */
@RestController
@Validated
@RequestMapping("/api/revisit/decisions")
@RequiredArgsConstructor
public class RevisitDecisionController {
    private final RevisitDecisionRepository decisions;

    @GetMapping
    @PreAuthorize("hasAnyRole('REVISIT_AGENT', 'MANAGER', 'SERVICE_DIRECTOR')")
    public PageOf<RevisitDecision> search(@RequestParam(required = false) UUID workOrderId,
                                          @RequestParam(required = false) UUID ticketId,
                                          @Paging.DefaultSize(50) Paging paging) {
        var filter = new RevisitDecisionRepository.Filter(workOrderId, ticketId);
        return paging.of(decisions.search(filter, paging.size(), paging.offset()), decisions.count(filter));
    }
}
