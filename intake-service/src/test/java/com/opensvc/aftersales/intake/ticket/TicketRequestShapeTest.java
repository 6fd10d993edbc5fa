package com.opensvc.aftersales.intake.ticket;

import static com.opensvc.aftersales.intake.Tickets.phoneTicket;
import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.opensvc.aftersales.intake.entitlement.Entitlement;
import com.opensvc.aftersales.intake.timeline.TimelineService;
import com.opensvc.aftersales.testkit.WebSliceTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The register endpoint's request shape and roles, on a web slice (no platform). */
@WebSliceTest(TicketController.class)
class TicketRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    TicketService service;
    @MockitoBean
    TicketEntitlementService entitlements;
    @MockitoBean
    DuplicateTickets duplicates;
    @MockitoBean
    TicketListing listing;
    @MockitoBean
    TimelineService timeline;

    private MvcResult register(Object body, String... roles) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/api/intake/tickets").with(as("desk.li", roles))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body instanceof String s ? s : JSON.writeValueAsString(body))).andReturn();
    }

    private static List<String> fields(MvcResult result) throws Exception {
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    private static String today() {
        return LocalDate.now().toString();
    }

    @Test
    @DisplayName("INT-02 missing and malformed fields are refused with a problem report naming each field")
    void INT02_badInputNamesEachField() throws Exception {
        Map<String, Object> bad = new HashMap<>(phoneTicket("SN-1", today()));
        bad.remove("productModel");
        bad.put("faultDescription", " ");
        bad.put("customer", Map.of("name", "Li", "phone", "call me"));
        var response = register(bad, "FRONT_DESK");

        assertThat(response.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(response)).contains("productModel", "faultDescription", "customer.phone");

        Map<String, Object> wrongEnum = new HashMap<>(phoneTicket("SN-1", today()));
        wrongEnum.put("channel", "CARRIER_PIGEON");
        var enumResponse = register(wrongEnum, "FRONT_DESK");
        assertThat(enumResponse.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(enumResponse)).containsExactly("channel");

        Map<String, Object> future = new HashMap<>(phoneTicket("SN-1", LocalDate.now().plusDays(3).toString()));
        var futureResponse = register(future, "FRONT_DESK");
        assertThat(futureResponse.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(futureResponse)).containsExactly("shipDate");

        var notJson = register("{\"customer\": ", "FRONT_DESK");
        assertThat(notJson.getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    @DisplayName("INT-02 a query parameter or header out of bounds is refused with a problem report naming it (@Validated controller)")
    void INT02_constrainedParameterNamesItself() throws Exception {
        var longSerial = mvc.perform(MockMvcRequestBuilders.get("/api/intake/tickets")
                .param("serialNumber", "S".repeat(101)).with(as("desk.li", "FRONT_DESK"))).andReturn();
        assertThat(longSerial.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(longSerial)).containsExactly("serialNumber");

        var longKey = mvc.perform(MockMvcRequestBuilders.post("/api/intake/tickets").with(as("desk.li", "FRONT_DESK"))
                .header("Idempotency-Key", "k".repeat(201)).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(phoneTicket("SN-3", today())))).andReturn();
        assertThat(longKey.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(longKey)).containsExactly("Idempotency-Key");
    }

    @Test
    @DisplayName("INT-18 a ticket answers with its fields; what the aggregate keeps for its own decisions stays inside")
    void ticketJsonShape() throws Exception {
        UUID id = UUID.randomUUID();
        Ticket ticket = Ticket.builder().id(id).number("T-2026-000001").customerId(UUID.randomUUID())
                .customerRegion("NORTH").installedProductId(UUID.randomUUID()).productModel("AC-3200")
                .productLine("AIR_CONDITIONER").serialNumber("SN-1").shipDate(LocalDate.now()).reportedOn(LocalDate.now())
                .faultDescription("does not cool").channel(Channel.INTERNAL_REFERRAL)
                .referredBy(new Referrer("Liu Na", Referrer.Department.SALES)).kind(TicketKind.SERVICE_REQUEST)
                .category(TicketCategory.REPAIR).classification(Classification.AFTER_SALES)
                .routedTo(Classification.Route.AFTER_SALES).serviceType(ServiceType.ON_SITE).priority(Priority.NORMAL)
                .entitlement(Entitlement.RETURN).computedEntitlement(Entitlement.RETURN).entitlementReason("d=0")
                .warrantyEnd(LocalDate.now()).state(TicketState.ACCEPTED).workOrderId(UUID.randomUUID())
                .mergedIntoTicketId(UUID.randomUUID()).createdAt(Instant.now()).createdBy("desk.li")
                .contactId(UUID.randomUUID()).inspection(new Ticket.Inspection(true, "seized", "tech.north", Instant.now()))
                .closing(new Ticket.Closing(UUID.randomUUID(), Instant.now(), Instant.now()))
                .pause(new Ticket.Pause(LocalDate.now(), Instant.now()))
                .assignment(new Ticket.Assignment("tech.north", UUID.randomUUID(), Instant.now()))
                .quoteResumesTo(TicketState.IN_SERVICE).build();
        when(service.get(id)).thenReturn(ticket);

        var response = mvc.perform(MockMvcRequestBuilders.get("/api/intake/tickets/" + id)
                .with(as("desk.li", "FRONT_DESK"))).andReturn();

        assertThat(response.getResponse().getStatus()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.getResponse().getContentAsString());
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("id", "number", "customerId", "customerRegion",
                "installedProductId", "productModel", "productLine", "serialNumber", "shipDate", "reportedOn",
                "faultDescription", "channel", "referredBy", "kind", "category", "classification", "routedTo", "serviceType",
                "priority", "entitlement", "computedEntitlement", "entitlementReason", "warrantyEnd",
                "inspectionConfirmed", "customerBlocked", "qualityMustReport", "expectedParts", "state", "workOrderId",
                "mergedIntoTicketId", "links", "version", "createdAt", "createdBy", "allowedRemedies");
        assertThat(body.get("inspectionConfirmed").asBoolean()).isTrue();
        assertThat(body.get("referredBy").propertyNames()).containsExactly("name", "department");
    }

    @Test
    @DisplayName("SEC-01 a role the endpoint does not name → 403, checked before the body is read")
    void SEC01_roleCheckedBeforeBody() throws Exception {
        var technician = register(phoneTicket("SN-2", today()), "TECHNICIAN");
        assertThat(technician.getResponse().getStatus()).isEqualTo(403);
        assertThat(JSON.readTree(technician.getResponse().getContentAsString()).get("status").asInt()).isEqualTo(403);
        var forbiddenAndInvalid = register(Map.of("channel", "NOPE"), "TECHNICIAN");
        assertThat(forbiddenAndInvalid.getResponse().getStatus()).as("the role is checked before the body").isEqualTo(403);
        var noToken = mvc.perform(MockMvcRequestBuilders.post("/api/intake/tickets")
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn();
        assertThat(noToken.getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    @DisplayName("INT-06 the inspection is a technician's or a supervisor's: the desk gets 403 before the body is read; "
            + "the service learns whether the caller is a supervisor (an assigned technician is checked there)")
    void INT06_inspectionRoles() throws Exception {
        UUID id = UUID.randomUUID();
        String body = "{\"qualityProblemConfirmed\":true,\"finding\":\"compressor seized\"}";
        var desk = mvc.perform(MockMvcRequestBuilders.post("/api/intake/tickets/" + id + "/inspection")
                .with(as("desk.li", "FRONT_DESK")).contentType(MediaType.APPLICATION_JSON).content("{")).andReturn();
        assertThat(desk.getResponse().getStatus()).isEqualTo(403);

        var technician = mvc.perform(MockMvcRequestBuilders.post("/api/intake/tickets/" + id + "/inspection")
                .with(as("tech.north", "TECHNICIAN")).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
        assertThat(technician.getResponse().getStatus()).isEqualTo(200);
        org.mockito.Mockito.verify(entitlements).recordInspection(id, true, "compressor seized", "tech.north", false);

        var supervisor = mvc.perform(MockMvcRequestBuilders.post("/api/intake/tickets/" + id + "/inspection")
                .with(as("sup.wang", "SUPERVISOR")).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
        assertThat(supervisor.getResponse().getStatus()).isEqualTo(200);
        org.mockito.Mockito.verify(entitlements).recordInspection(id, true, "compressor seized", "sup.wang", true);
    }

    @Test
    @DisplayName("INT-02 a page number out of range is a problem report naming it; a huge page is a valid request")
    void pagingBounds() throws Exception {
        var negative = mvc.perform(MockMvcRequestBuilders.get("/api/intake/tickets").param("page", "-1")
                .with(as("desk.li", "FRONT_DESK"))).andReturn();
        assertThat(negative.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(negative)).containsExactly("page");
        var tooLarge = mvc.perform(MockMvcRequestBuilders.get("/api/intake/tickets").param("page", "99999999999")
                .with(as("desk.li", "FRONT_DESK"))).andReturn();
        assertThat(tooLarge.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(tooLarge)).containsExactly("page");
    }
}
