package com.opensvc.aftersales.dispatch.technician;

import java.time.Instant;
import java.util.List;

/**
 * A technician as the supervisor manages them (DSP-02, INT-22). {@code retiredAt} set: retired (SEC-05's soft delete),
 * never proposed nor assigned again. {@code version} is the ETag of If-Match edits.
 */
public record TechnicianView(String login, String name, List<String> productLines, List<String> regions,
                             int dailyCapacity, WorkingStatus workingStatus, String homeStore, String defaultBackup,
                             Instant lastAssignedAt, Instant retiredAt, String retirementReason, int version) {

    public boolean retired() {
        return retiredAt != null;
    }
}
