package com.opensvc.aftersales.quality.claim;

import java.time.Instant;

/** One change of a claim (SEC-03): what, by whom, when; append-only in the database. */
public record SupplierClaimHistory(Instant at, String actor, String action, SupplierClaimState fromState,
                                   SupplierClaimState toState, String detail) {
}
