package com.opensvc.aftersales.parts.loan;

import java.time.Instant;
import java.util.UUID;

public record Loan(UUID id, UUID workOrderId, UUID ticketId, String technician, String partNumber, int quantity,
                   LoanStatus status, String oldSerial, Instant issuedAt, Instant settledAt) {
}
