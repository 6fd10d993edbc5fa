package com.opensvc.aftersales.quality.claim;

import java.time.Instant;

/** QLT-09: a part number bought in, and from whom. */
public record PurchasedComponent(String partNumber, String supplier, String supplierPartNumber, String description,
                                 String updatedBy, Instant updatedAt, int version) {
}
