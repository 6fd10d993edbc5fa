package com.opensvc.aftersales.revisit.happycall;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.Valid;

import lombok.RequiredArgsConstructor;

@RestController
@Validated
@RequestMapping("/api/revisit/revisits")
@RequiredArgsConstructor
public class RevisitController {
    private final RevisitService service;
    private final RevisitRepository revisits;

    @GetMapping
    @PreAuthorize("hasAnyRole('REVISIT_AGENT', 'SUPERVISOR')")
    public List<Revisit> search(@RequestParam(required = false) UUID ticketId, @Paging.DefaultSize(50) Paging paging) {
        return revisits.search(ticketId, paging);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('REVISIT_AGENT', 'SUPERVISOR')")
    public Revisit get(@PathVariable UUID id) {
        return revisits.find(id).orElseThrow(() -> new NotFoundException("no revisit " + id));
    }

    /** REV-04, REV-05: the agent records the customer's answers; the overall answer decides the outcome. */
    @PostMapping("/{id}/outcome")
    @PreAuthorize("hasRole('REVISIT_AGENT')")
    public Revisit recordOutcome(@PathVariable UUID id, @Valid @RequestBody SurveyAnswers answers) {
        return service.recordOutcome(id, answers, CurrentUser.name());
    }

    /** REV-06: the agent called and nobody answered; after the allowed attempts on different days: UNREACHABLE. */
    @PostMapping("/{id}/attempts")
    @PreAuthorize("hasRole('REVISIT_AGENT')")
    public Revisit recordUnansweredCall(@PathVariable UUID id) {
        return service.recordUnansweredCall(id, CurrentUser.name());
    }
}
