package com.opensvc.aftersales.intake.customer;

import java.util.UUID;

/** Where the customer or their equipment is. Personal data: never logged (SEC-04). */
public record Address(UUID id, String label, String line, String city, String region, String postalCode,
                     boolean primary) {
    @Override
    public String toString() {
        return "Address[id=" + id + ", label=" + label + ", region=" + region + "]";
    }
}
