package com.opensvc.aftersales.intake.installedbase;

import java.util.UUID;

/**
 * Published in-process, inside the changing transaction, when an installed product's dates, model or contract
 * change: the tickets about it recompute their entitlement (INT-06).
 */
public record InstalledProductChanged(UUID installedProductId, String actor) {
}
