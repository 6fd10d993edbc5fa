package com.opensvc.aftersales.intake.ticket;

import java.time.Instant;

/** One exclusion or override of a ticket's entitlement (INT-07 audit). */
public record EntitlementAuditEntry(String kind, String entitlementFrom, String entitlementTo, String reason,
                                    String note, String actor, Instant at) {
}
