package com.opensvc.aftersales.parts.loan;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/** PRT-01, DSP-03: the backorders waiting at a store (or one work order's), oldest first. */
@RestController
@Validated
@RequiredArgsConstructor
public class BackorderController {
    private final BackorderRepository backorders;

    @GetMapping("/api/parts/backorders")
    @PreAuthorize("hasAnyRole('STOREKEEPER', 'SUPERVISOR', 'MANAGER')")
    public PageOf<Backorder> search(@RequestParam(required = false) @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*") String location,
                                    @RequestParam(required = false) UUID workOrderId,
                                    @RequestParam(required = false) BackorderStatus status, Paging paging) {
        return paging.of(backorders.search(location, workOrderId, status, paging),
                backorders.count(location, workOrderId, status));
    }
}
