package com.opensvc.aftersales.parts.ledger;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import lombok.RequiredArgsConstructor;

/**
 * PRT-02 for operators: is on hand the sum of the ledger at every location, and is anything negative? The answer
 * counts every differing pair and lists the first {@code limit} (default 100, at most 1000) in location and part
 * order; {@code truncated} says when there are more.
 */
@RestController
@Validated
@RequiredArgsConstructor
public class ConsistencyController {
    private final ConsistencyService consistency;

    @GetMapping("/api/parts/stock/consistency")
    @PreAuthorize("hasAnyRole('STOREKEEPER', 'MANAGER', 'ADMIN')")
    public StockConsistency check(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return consistency.check(limit);
    }
}
