package com.opensvc.aftersales.quality.claim;

import java.util.List;

/**
 * What a transition of a claim caused: the claim as it now is ({@code created} when just raised), its history line and
 * the events to publish. {@link SupplierClaimRepository#save} writes all of it in the caller's transaction.
 */
record SupplierClaimChange(SupplierClaim claim, boolean created, SupplierClaimHistory history,
                           List<SupplierClaimEvent> events) {
}
