package com.opensvc.aftersales.intake.complaint;

import static com.opensvc.aftersales.intake.Tickets.phoneTicket;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.opensvc.aftersales.testkit.RestApi;

/** Complaint tickets and their process as the tests drive them through the API. */
public final class ComplaintFixtures {
    private ComplaintFixtures() {
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

    /** The tokens of the people who take a complaint through its steps. */
    public record Handlers(String desk, String customerManager, String manager, String generalManager) {
    }

    /**
     * Takes a complaint about {@code tech.south} through every step, each of which must succeed: valid, the after-sales
     * department responsible with {@code remedy}, agreed, approved, carried out as {@code execution} says, form back.
     */
    public static void walkToDone(RestApi api, String id, Handlers by, String remedy, Map<String, Object> execution) {
        assertThat(api.post(path(id, "/validity"), Map.of("valid", true), by.customerManager()).status()).isEqualTo(200);
        assertThat(api.post(path(id, "/opinion"), Map.of("responsibleDepartment", "AFTER_SALES", "responsiblePerson", "tech.south",
                "remedy", remedy, "opinion", "Technician was rude on site"), by.customerManager()).status()).isEqualTo(200);
        assertThat(api.post(path(id, "/review"), Map.of("outcome", "AGREED"), by.manager()).status()).isEqualTo(200);
        assertThat(api.post(path(id, "/final-approval"), Map.of("approved", true), by.generalManager()).status()).isEqualTo(200);
        var executed = api.post(path(id, "/execution"), execution, by.manager());
        assertThat(executed.status()).as(executed.body().toString()).isEqualTo(200);
        assertThat(api.post(path(id, "/form-return"), Map.of(), by.desk()).body().get("state").asString()).isEqualTo("DONE");
    }

    /** A step of the ticket's complaint, e.g. {@code "/validity"}. */
    public static String path(String id, String step) {
        return "/api/intake/tickets/" + id + "/complaint" + step;
    }
}
