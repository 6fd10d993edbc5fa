package com.opensvc.aftersales.intake.complaint;

import static com.opensvc.aftersales.intake.Tickets.phoneTicket;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;

/** Complaint tickets and their process as the tests drive them through the API. */
public final class ComplaintFixtures {
    /** The company's zone in the tests' configuration. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ComplaintFixtures() {
    }

    public static String today() {
        return LocalDate.now(ZONE).toString();
    }

    /** A phone complaint about a product shipped on {@code shipDate}, handled remotely (no work order). */
    public static Map<String, Object> remoteComplaint(String category, String shipDate) {
        Map<String, Object> request = new HashMap<>(phoneTicket("AC-" + UUID.randomUUID(), shipDate));
        request.put("kind", "COMPLAINT");
        request.put("category", category);
        request.put("serviceType", "REMOTE");
        return request;
    }

    /** A complaint about the technician {@code tech.south} (INT-12), handled remotely. */
    public static Map<String, Object> complaintAboutTechnician(boolean major, String shipDate) {
        Map<String, Object> request = remoteComplaint("SERVICE_ATTITUDE", shipDate);
        request.put("complaintSubjects", List.of("tech.south"));
        request.put("majorComplaint", major);
        return request;
    }

    /** Registers the ticket; returns its id. */
    public static String register(RestApi api, Map<String, Object> request, String token) {
        var response = api.post("/api/intake/tickets", request, token);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().get("id").asString();
    }

    /** A step of the ticket's complaint, e.g. {@code "/validity"}. */
    public static String path(String id, String step) {
        return "/api/intake/tickets/" + id + "/complaint" + step;
    }

    /** The fields a problem report names. */
    public static List<String> fields(JsonNode problem) {
        return problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }
}
