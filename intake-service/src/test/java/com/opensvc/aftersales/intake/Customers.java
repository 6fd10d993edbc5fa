package com.opensvc.aftersales.intake;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.opensvc.aftersales.testkit.RestApi;

/** Customers and installed products the tests create. */
public final class Customers {
    private Customers() {
    }

    /** A customer with two contacts and two addresses; the phone is unique per call. */
    public static Map<String, Object> customer(String name, String phone) {
        return Map.of(
                "name", name,
                "customerClass", "B",
                "region", "NORTH",
                "contacts", List.of(
                        Map.of("name", name, "phone", phone, "primary", true),
                        Map.of("name", "Site office", "phone", "+86 10 " + (10000000 + Math.abs(phone.hashCode() % 89999999)),
                                "role", "site")),
                "addresses", List.of(
                        Map.of("label", "head office", "line", "1 Renmin Road", "city", "Changsha", "region", "NORTH", "primary", true),
                        Map.of("label", "plant", "line", "8 Industrial Park", "city", "Hengyang", "region", "NORTH")),
                "groups", List.of("dealers"));
    }

    /** A random mobile-like number, so tests do not find each other's callers. */
    public static String uniquePhone() {
        long digits = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        return "+86 13%09d".formatted(digits);
    }

    /** Creates a customer through the API; its id. */
    public static String create(RestApi api, String name, String token) {
        return api.post("/api/intake/customers", customer(name, uniquePhone()), token).body().get("id").asString();
    }

    public static Map<String, Object> product(String customerId, String model, String serial, String shipDate) {
        return Map.of("customerId", customerId, "productModel", model, "serialNumber", serial, "shipDate", shipDate);
    }
}
