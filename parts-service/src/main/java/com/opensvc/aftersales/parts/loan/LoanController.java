package com.opensvc.aftersales.parts.loan;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class LoanController {
    private final LoanRepository loans;

    public LoanController(LoanRepository loans) {
        this.loans = loans;
    }

    @GetMapping("/api/parts/loans")
    @PreAuthorize("hasAnyRole('STOREKEEPER', 'SUPERVISOR', 'MANAGER')")
    public List<Loan> byWorkOrder(@RequestParam UUID workOrderId) {
        return loans.byWorkOrder(workOrderId);
    }
}
