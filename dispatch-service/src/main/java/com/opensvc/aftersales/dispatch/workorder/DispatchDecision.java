package com.opensvc.aftersales.dispatch.workorder;

/**
 * DSP-02: what the supervisor asks for (assignment or reassignment): who (null: the proposal), who backs them up
 * (null: their default backup, else the proposal's runner-up), how it is handled (null: from the service type), and an
 * explicit capacity override with its reason.
 */
public record DispatchDecision(String technicianId, String backupTechnicianId, Handling handling,
                               boolean overrideCapacity, String overrideReason) {

    public static DispatchDecision proposal() {
        return new DispatchDecision(null, null, null, false, null);
    }
}
