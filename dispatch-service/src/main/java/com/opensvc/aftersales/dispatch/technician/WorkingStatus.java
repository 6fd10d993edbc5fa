package com.opensvc.aftersales.dispatch.technician;

/** INT-22: whether a technician is at work; anything but AVAILABLE is "absent" (their new work goes to the backup). */
public enum WorkingStatus {
    AVAILABLE, ON_LEAVE, SICK, OFF_DUTY;

    public boolean absent() {
        return this != AVAILABLE;
    }
}
