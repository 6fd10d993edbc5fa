package com.opensvc.aftersales.dispatch.technician;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * DSP-02: what happens to a new work order's proposal: applied at once (AUTOMATIC), kept for the supervisor's review
 * (SUPERVISOR_CONFIRMS, DOMAIN.md §11's default), or the order goes to its region's open pool (OPEN_POOL).
 * Configurable per region ({@code policy-by-region.<REGION>}) and per service type
 * ({@code policy-by-service-type.<TYPE>}); when both name the order, <b>the service type wins</b> (the nature of the
 * work, e.g. an installation, outranks the region's habit); neither → {@code policy}.
 */
@ConfigurationProperties("aftersales.dispatch")
public record DispatchPolicy(@DefaultValue("SUPERVISOR_CONFIRMS") Mode policy, Map<String, Mode> policyByRegion,
                             Map<String, Mode> policyByServiceType) {

    public enum Mode {
        AUTOMATIC, SUPERVISOR_CONFIRMS, OPEN_POOL
    }

    public DispatchPolicy {
        policyByRegion = upperCaseKeys(policyByRegion);
        policyByServiceType = upperCaseKeys(policyByServiceType);
    }

    /** The default policy is AUTOMATIC (regions and service types may still say otherwise). */
    public boolean automatic() {
        return policy == Mode.AUTOMATIC;
    }

    /** The policy for an order of this region and service type: service type, else region, else the default. */
    public Mode modeFor(String region, String serviceType) {
        Mode byType = serviceType == null ? null : policyByServiceType.get(serviceType.toUpperCase(Locale.ROOT));
        if (byType != null) {
            return byType;
        }
        Mode byRegion = region == null ? null : policyByRegion.get(region.toUpperCase(Locale.ROOT));
        return byRegion != null ? byRegion : policy;
    }

    private static Map<String, Mode> upperCaseKeys(Map<String, Mode> map) {
        Map<String, Mode> upper = new TreeMap<>();
        if (map != null) {
            map.forEach((key, mode) -> upper.put(key.toUpperCase(Locale.ROOT), mode));
        }
        return Map.copyOf(upper);
    }
}
