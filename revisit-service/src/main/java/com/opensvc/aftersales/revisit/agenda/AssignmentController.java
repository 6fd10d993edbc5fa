package com.opensvc.aftersales.revisit.agenda;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.NotFoundException;

import jakarta.validation.Valid;

import lombok.RequiredArgsConstructor;

/** RPT-03, INT-12: who calls a scheduled revisit — claimed from the pool by an agent, or assigned by a supervisor. */
@RestController
@Validated
@RequestMapping("/api/revisit/revisits/{id}")
@RequiredArgsConstructor
public class AssignmentController {
    private final Assignments assignments;

    /** The first agent to claim wins; another agent's claim → 409 naming the holder. */
    @PostMapping("/claim")
    @PreAuthorize("hasRole('REVISIT_AGENT')")
    public Assignment claim(@PathVariable UUID id) {
        return assignments.claim(id, CurrentUser.name());
    }

    /** Who holds the revisit; 404 while it is in the pool. */
    @GetMapping("/assignee")
    @PreAuthorize("hasAnyRole('REVISIT_AGENT', 'SUPERVISOR')")
    public Assignment assignee(@PathVariable UUID id) {
        return assignments.find(id).orElseThrow(() -> new NotFoundException("revisit " + id + " is in the pool"));
    }

    /** A supervisor assigns or reassigns. */
    @PutMapping("/assignee")
    @PreAuthorize("hasRole('SUPERVISOR')")
    public Assignment assign(@PathVariable UUID id, @Valid @RequestBody AssigneeRequest request) {
        return assignments.assign(id, request.agent(), CurrentUser.name());
    }

    /** A supervisor puts the revisit back into the pool (204, also when it was there already). */
    @DeleteMapping("/assignee")
    @PreAuthorize("hasRole('SUPERVISOR')")
    public ResponseEntity<Void> release(@PathVariable UUID id) {
        assignments.release(id, CurrentUser.name());
        return ResponseEntity.noContent().build();
    }
}
