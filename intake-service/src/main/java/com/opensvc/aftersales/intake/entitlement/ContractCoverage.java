package com.opensvc.aftersales.intake.entitlement;

import java.time.LocalDate;
import java.util.Set;

/** What a service contract gives (INT-06): the services it covers while it runs, and any warranty extension. */
public record ContractCoverage(String contractNumber, LocalDate startsOn, LocalDate endsOn, Set<String> coveredServices,
                               int warrantyExtensionMonths) {

    public boolean runsOn(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    public boolean covers(String service, LocalDate day) {
        return runsOn(day) && coveredServices.contains(service);
    }
}
