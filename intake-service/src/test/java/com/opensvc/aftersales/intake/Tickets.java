package com.opensvc.aftersales.intake;

import java.util.List;
import java.util.Map;

/** Registration requests the tests send. */
public final class Tickets {
    private Tickets() {
    }

    public static Map<String, Object> phoneTicket(String serial, String shipDate) {
        return Map.of(
                "customer", Map.of("name", "Zhang Wei", "phone", "+86 735 2221234", "region", "NORTH"),
                "productModel", "AC-3200",
                "productLine", "AIR_CONDITIONER",
                "serialNumber", serial,
                "shipDate", shipDate,
                "faultDescription", "Unit does not cool; compressor clicks",
                "channel", "PHONE",
                "serviceType", "ON_SITE",
                "expectedParts", List.of(Map.of("partNumber", "CMP-100", "quantity", 1)));
    }
}
