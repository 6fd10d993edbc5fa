package com.opensvc.aftersales.intake.ticket;

import static com.opensvc.aftersales.intake.Tickets.phoneTicket;
import static com.opensvc.aftersales.intake.Tickets.today;
import static com.opensvc.aftersales.intake.Tickets.types;
import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.intake.IntakeServiceTest;
import com.opensvc.aftersales.intake.Tickets;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.RestApi;

/**
 * INT-06: the engineer's inspection that unlocks RETURN and EXCHANGE is recorded only by the technician dispatch
 * assigned to the ticket's work order (TechnicianAssigned; the latest assignment wins) or by a supervisor. Also: a
 * huge page of a list is an empty page, never an overflowing offset (issue 11).
 */
@IntakeServiceTest
class InspectionAuthorityTest {
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Map<String, Object> CONFIRMED = Map.of("qualityProblemConfirmed", true,
            "finding", "compressor seized, factory defect");

    private RestApi api;
    private EventSender sender;
    private final String desk = token("desk.li", "FRONT_DESK");
    private final String north = token("tech.north", "TECHNICIAN");
    private final String south = token("tech.south", "TECHNICIAN");

    @Test
    @DisplayName("INT-06 only the assigned technician records the inspection: another technician 403, the desk 403; "
            + "a reassignment moves the authority")
    void INT06_assignedTechnicianOnly() {
        String id = inServiceTicket();
        assertThat(inspect(id, north).status()).as("nobody assigned yet").isEqualTo(403);

        UUID workOrderId = UUID.randomUUID();
        sender.send(WORK_ORDERS, id, "TechnicianAssigned", "dispatch-service", assigned(id, workOrderId, "tech.north"));
        await().atMost(WAIT).until(() -> types(Tickets.timeline(api, id, desk)).contains("TechnicianAssigned"));

        assertThat(inspect(id, south).status()).isEqualTo(403);
        assertThat(inspect(id, desk).status()).isEqualTo(403);
        assertThat(api.get("/api/intake/tickets/" + id, desk).body().get("inspectionConfirmed").isNull()).isTrue();
        var byAssigned = inspect(id, north);
        assertThat(byAssigned.status()).as(byAssigned.body().toString()).isEqualTo(200);
        assertThat(byAssigned.body().get("inspectionConfirmed").asBoolean()).isTrue();
        assertThat(byAssigned.body().get("allowedRemedies").valueStream().map(r -> r.asString()).toList())
                .contains("RETURN", "EXCHANGE");

        sender.send(WORK_ORDERS, id, "TechnicianAssigned", "dispatch-service", assigned(id, workOrderId, "tech.south"));
        await().atMost(WAIT).until(() -> inspect(id, south).status() == 200);
        assertThat(inspect(id, north).status()).as("the latest assignment wins").isEqualTo(403);
    }

    @Test
    @DisplayName("INT-06 a supervisor records the inspection on any ticket")
    void INT06_supervisorMayInspect() {
        String id = inServiceTicket();
        assertThat(inspect(id, token("sup.wang", "SUPERVISOR")).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("INT-02 a huge page of the ticket list and the SLA lists is an empty page (the offset is a long), never a 500")
    void hugePageIsEmpty() {
        String supervisor = token("sup.wang", "SUPERVISOR");
        for (String list : new String[]{"/api/intake/tickets", "/api/intake/sla/clocks", "/api/intake/sla/breaches"}) {
            var page = api.get(list + "?page=" + Integer.MAX_VALUE + "&size=200", supervisor);
            assertThat(page.status()).as(list + " " + page.body()).isEqualTo(200);
            assertThat(page.body().get("items").isEmpty()).as(list).isTrue();
        }
    }

    private RestApi.Response inspect(String id, String token) {
        return api.post("/api/intake/tickets/" + id + "/inspection", CONFIRMED, token);
    }

    private String inServiceTicket() {
        var registered = api.post("/api/intake/tickets", phoneTicket("SN-INSP-" + UUID.randomUUID(), today().toString()), desk);
        assertThat(registered.status()).isEqualTo(201);
        String id = registered.body().get("id").asString();
        assertThat(api.post("/api/intake/tickets/" + id + "/accept", null, desk).status()).isEqualTo(200);
        sender.send(WORK_ORDERS, id, "WorkOrderCreated", "dispatch-service",
                "{\"ticketId\":\"%s\",\"workOrderId\":\"%s\",\"actor\":\"system:dispatch\",\"occurredAt\":\"%s\"}"
                        .formatted(id, UUID.randomUUID(), Instant.now()));
        await().atMost(WAIT).until(() -> api.get("/api/intake/tickets/" + id, desk).body().get("state").asString()
                .equals("IN_SERVICE"));
        return id;
    }

    private static String assigned(String id, UUID workOrderId, String technician) {
        return """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"%s","assignedBy":"sup.wang","actor":"sup.wang",
                 "occurredAt":"%s"}""".formatted(workOrderId, id, technician, Instant.now());
    }
}
