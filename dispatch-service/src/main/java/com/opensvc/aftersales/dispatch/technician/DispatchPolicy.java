package com.opensvc.aftersales.dispatch.technician;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * DSP-02: whether the proposed technician is applied at once or waits for the supervisor.
 * DOMAIN.md §11: the platform default is that the supervisor confirms.
 */
@ConfigurationProperties("aftersales.dispatch")
public record DispatchPolicy(@DefaultValue("SUPERVISOR_CONFIRMS") Mode policy) {

    public enum Mode {
        AUTOMATIC, SUPERVISOR_CONFIRMS
    }

    public boolean automatic() {
        return policy == Mode.AUTOMATIC;
    }
}
