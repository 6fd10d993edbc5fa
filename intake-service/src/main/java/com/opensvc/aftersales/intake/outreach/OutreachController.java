package com.opensvc.aftersales.intake.outreach;

import java.time.Clock;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/** INT-17: the desk's list of outreach tickets whose customers are still to be contacted, overdue first. */
@RestController
@Validated
@RequiredArgsConstructor
public class OutreachController {
    private final OutreachRepository outreach;
    private final Clock clock;

    @GetMapping("/api/intake/outreach")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR', 'MANAGER', 'SERVICE_DIRECTOR', 'QUALITY', 'GENERAL_MANAGER')")
    public PageOf<OutreachTicket> dueForContact(@RequestParam(required = false) UUID campaignId,
                                                @RequestParam(defaultValue = "false") boolean overdue,
                                                @Paging.DefaultSize(50) Paging paging) {
        return outreach.dueForContact(campaignId, overdue, clock.instant(), paging);
    }
}
