package com.opensvc.aftersales.quality.claim;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A claim with its history, the claim's fields at the top level. */
public record SupplierClaimDetails(@JsonUnwrapped SupplierClaim claim, List<SupplierClaimHistory> history) {
}
