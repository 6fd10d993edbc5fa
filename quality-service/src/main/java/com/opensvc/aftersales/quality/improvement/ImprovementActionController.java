package com.opensvc.aftersales.quality.improvement;

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
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/**
 * QLT-05: the actions of improvement reports. An action is recorded done by its owner (whoever the quality engineer
 * named: the owners hold the company's office roles) or by quality; quality, the manager and the directors list the
 * overdue ones; an owner lists their own.
 */
@RestController
@Validated
@RequiredArgsConstructor
public class ImprovementActionController {
    /** Who may own an action: the office roles of the company (not the front desk, technicians, agents, admin). */
    private static final String OWNERS = "hasAnyRole('QUALITY', 'MANAGER', 'TECHNICAL_DIRECTOR', 'SERVICE_DIRECTOR', "
            + "'GENERAL_MANAGER', 'CUSTOMER_MANAGER', 'SUPERVISOR', 'STOREKEEPER', 'FINANCE')";
    private static final String OVERSEERS = "hasAnyRole('QUALITY', 'MANAGER', 'TECHNICAL_DIRECTOR', 'SERVICE_DIRECTOR')";

    private final ImprovementActions actions;

    @PostMapping("/api/quality/improvement-reports/{id}/actions/{round}/{kind}/{position}/completion")
    @PreAuthorize(OWNERS)
    public ActionCompletion complete(@PathVariable UUID id, @PathVariable int round, @PathVariable ActionKind kind,
                                     @PathVariable int position, @Valid @RequestBody CompletionRequest request) {
        return actions.complete(id, round, kind, position, request, CurrentUser.name(), CurrentUser.hasRole("QUALITY"));
    }

    @GetMapping("/api/quality/improvement-actions/overdue")
    @PreAuthorize(OVERSEERS)
    public PageOf<OpenAction> overdue(
            @RequestParam(required = false) @Size(max = 200) @Pattern(regexp = Text.LINE, message = Text.MESSAGE) String owner,
            Paging paging) {
        return actions.overdue(owner == null || owner.isBlank() ? null : owner.strip(), paging);
    }

    @GetMapping("/api/quality/improvement-actions/mine")
    @PreAuthorize(OWNERS)
    public PageOf<OpenAction> mine(@RequestParam(defaultValue = "false") boolean overdue, Paging paging) {
        return actions.ownedBy(CurrentUser.name(), overdue, paging);
    }
}
