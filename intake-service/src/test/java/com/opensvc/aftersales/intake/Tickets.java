package com.opensvc.aftersales.intake;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;

/** Registration requests the tests send, and what the service's answers say. */
public final class Tickets {
    /** The company's zone (intake.yml): "today" for a registration is the service's day, not the test machine's. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Tickets() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
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

    /** The ticket's timeline (INT-18), oldest first. */
    public static JsonNode timeline(RestApi api, String ticketId, String token) {
        return api.get("/api/intake/tickets/" + ticketId + "/timeline", token).body();
    }

    /** The types of a timeline's entries, in order. */
    public static List<String> types(JsonNode timeline) {
        return timeline.valueStream().map(e -> e.get("type").asString()).toList();
    }

    /** The fields a problem report names. */
    public static List<String> fields(JsonNode problem) {
        return problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    /** The ids of a page's items. */
    public static List<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(i -> i.get("id").asString()).toList();
    }
}
