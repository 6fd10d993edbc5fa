package com.opensvc.aftersales.intake.ticket;

import static com.opensvc.aftersales.intake.Tickets.phoneTicket;
import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.opensvc.aftersales.intake.timeline.TimelineService;
import com.opensvc.aftersales.testkit.WebSliceTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * INT-01 QLT-03: an INTERNAL_REFERRAL names who referred it ({@code referredBy}: name and department), and only a
 * referral does; the register endpoint's shapes and roles on a web slice (no platform).
 */
@WebSliceTest(TicketController.class)
class ReferralRequestShapeTest {
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

    private static JsonNode problem(MvcResult result) throws Exception {
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    private static List<String> fields(MvcResult result) throws Exception {
        return problem(result).get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    private static Map<String, Object> referral(Object referredBy) {
        Map<String, Object> body = new HashMap<>(phoneTicket("SN-REF", LocalDate.now().minusDays(1).toString()));
        body.put("channel", "INTERNAL_REFERRAL");
        if (referredBy != null) {
            body.put("referredBy", referredBy);
        }
        return body;
    }

    @Test
    @DisplayName("INT-01 QLT-03 an INTERNAL_REFERRAL without its referrer is refused with a problem report naming referredBy")
    void INT01_referralNeedsItsReferrer() throws Exception {
        var response = register(referral(null), "FRONT_DESK");

        assertThat(response.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("referredBy");
        assertThat(problem(response).get("errors").get(0).get("message").asString()).contains("INTERNAL_REFERRAL");
        verify(service, never()).register(any(), any(), any());
    }

    @Test
    @DisplayName("INT-01 QLT-03 a referrer on a PHONE ticket is refused naming referredBy: only a referral has a referrer")
    void INT01_referrerOnlyOnAReferral() throws Exception {
        Map<String, Object> phone = new HashMap<>(phoneTicket("SN-REF", LocalDate.now().minusDays(1).toString()));
        phone.put("referredBy", Map.of("name", "Liu Na", "department", "SALES"));

        var response = register(phone, "FRONT_DESK");

        assertThat(response.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("referredBy");
        verify(service, never()).register(any(), any(), any());
    }

    @Test
    @DisplayName("INT-01 QLT-03 the referrer's name is 1-100 characters on one line and its department one of the list; each is named")
    void QLT03_referrerFieldsNamed() throws Exception {
        assertThat(fields(register(referral(Map.of("department", "SALES")), "FRONT_DESK")))
                .containsExactly("referredBy.name");
        assertThat(fields(register(referral(Map.of("name", " ", "department", "SALES")), "FRONT_DESK")))
                .containsExactly("referredBy.name");
        assertThat(fields(register(referral(Map.of("name", "L".repeat(101), "department", "SALES")), "FRONT_DESK")))
                .containsExactly("referredBy.name");
        assertThat(fields(register(referral(Map.of("name", "Liu\nNa", "department", "SALES")), "FRONT_DESK")))
                .containsExactly("referredBy.name");
        assertThat(fields(register(referral(Map.of("name", "Liu Na")), "FRONT_DESK")))
                .containsExactly("referredBy.department");
        var unknown = register(referral(Map.of("name", "Liu Na", "department", "MARKETING")), "FRONT_DESK");
        assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(unknown)).containsExactly("referredBy.department");
        assertThat(problem(unknown).get("errors").get(0).get("message").asString()).contains("SALES", "OTHER");
        verify(service, never()).register(any(), any(), any());
    }

    @Test
    @DisplayName("INT-01 QLT-03 a referral with its referrer is registered and the referrer reaches the service; "
            + "a PHONE ticket without one still is")
    void QLT03_referralWithItsReferrer() throws Exception {
        Ticket ticket = Ticket.builder().id(UUID.randomUUID()).number("T-2026-000001").customerId(UUID.randomUUID())
                .productModel("AC-3200").reportedOn(LocalDate.now()).faultDescription("does not cool")
                .channel(Channel.INTERNAL_REFERRAL).referredBy(new Referrer("Liu Na", Referrer.Department.SALES))
                .kind(TicketKind.SERVICE_REQUEST).classification(Classification.AFTER_SALES)
                .routedTo(Classification.Route.AFTER_SALES).serviceType(ServiceType.ON_SITE).priority(Priority.NORMAL)
                .state(TicketState.REGISTERED).createdAt(Instant.now()).createdBy("desk.li").build();
        when(service.register(any(), any(), eq("desk.li"))).thenReturn(new TicketService.Registration(ticket, true));

        var response = register(referral(Map.of("name", "Liu Na", "department", "SALES")), "FRONT_DESK");

        assertThat(response.getResponse().getStatus()).as(response.getResponse().getContentAsString()).isEqualTo(201);
        ArgumentCaptor<RegisterTicketRequest> request = ArgumentCaptor.forClass(RegisterTicketRequest.class);
        verify(service).register(request.capture(), any(), eq("desk.li"));
        assertThat(request.getValue().referredBy()).isEqualTo(new Referrer("Liu Na", Referrer.Department.SALES));
        JsonNode body = JSON.readTree(response.getResponse().getContentAsString());
        assertThat(body.get("referredBy").get("name").asString()).isEqualTo("Liu Na");
        assertThat(body.get("referredBy").get("department").asString()).isEqualTo("SALES");

        var phone = register(phoneTicket("SN-REF", LocalDate.now().minusDays(1).toString()), "CUSTOMER_MANAGER");
        assertThat(phone.getResponse().getStatus()).isEqualTo(201);
    }

    @Test
    @DisplayName("SEC-01 INT-01 a role that may not register gets 403 before the referral's body is read")
    void SEC01_referralRolesBeforeBody() throws Exception {
        assertThat(register(referral(null), "TECHNICIAN").getResponse().getStatus()).isEqualTo(403);
        assertThat(register(referral(Map.of("name", "Liu Na", "department", "SALES")), "QUALITY").getResponse()
                .getStatus()).isEqualTo(403);
        verify(service, never()).register(any(), any(), any());
    }
}
