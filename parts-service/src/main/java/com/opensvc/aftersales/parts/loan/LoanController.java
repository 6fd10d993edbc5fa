package com.opensvc.aftersales.parts.loan;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

@RestController
@Validated
@RequiredArgsConstructor
public class LoanController {
    private final LoanRepository loans;

    @GetMapping("/api/parts/loans")
    @PreAuthorize("hasAnyRole('STOREKEEPER', 'SUPERVISOR', 'MANAGER')")
    public List<Loan> byWorkOrder(@RequestParam UUID workOrderId, @Paging.DefaultSize(PageOf.MAX_SIZE) Paging paging) {
        return loans.byWorkOrder(workOrderId, paging);
    }
}
