package com.opensvc.aftersales.intake.complaint;

import static com.opensvc.aftersales.intake.Tickets.fields;
import static com.opensvc.aftersales.intake.Tickets.phoneTicket;
import static com.opensvc.aftersales.intake.Tickets.today;
import static com.opensvc.aftersales.intake.complaint.ComplaintFixtures.complaintAboutTechnician;
import static com.opensvc.aftersales.intake.complaint.ComplaintFixtures.path;
import static com.opensvc.aftersales.intake.complaint.ComplaintFixtures.register;
import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.intake.IntakeServiceTest;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;
import com.opensvc.aftersales.testkit.SharedInfrastructure;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntakeServiceTest
@ProbeTopics("aftersales.intake.ticket")
class ComplaintProcessTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;
    private RestApi api;
    private EventProbe probe;
    private EventSender sender;

    private final String desk = token("desk.li", "FRONT_DESK");
    private final String customerManager = token("cm.zhao", "CUSTOMER_MANAGER");
    private final String backupCustomerManager = token("cm.qian", "CUSTOMER_MANAGER");
    private final String otherCustomerManager = token("cm.wu", "CUSTOMER_MANAGER");
    private final String supervisor = token("sup.wang", "SUPERVISOR");
    private final String manager = token("mgr.sun", "MANAGER");
    private final String generalManager = token("gm.zhou", "GENERAL_MANAGER");
    /** The technician the customer complains about, who also holds a manager role. */
    private final String subjectAsManager = token("tech.south", "MANAGER", "TECHNICIAN");

    /** The topics intake consumes, which the test feeds. */
    @BeforeAll
    static void consumedTopics() throws Exception {
        SharedInfrastructure.get().createTopics("aftersales.revisit.revisit", "aftersales.dispatch.workorder");
    }

    @Test
    @DisplayName("INT-10 INT-11 INT-12 INT-21 INT-22 QLT-04 one complaint through every step, the main handler absent at the opinion step; its statistics published")
    void INT11_walkThroughEveryStepWithMainHandlerAbsent() {
        String id = registerComplaint(false, today().toString());
        assertThat(complaint(id).get("state").asString()).isEqualTo("VALIDITY_CHECK");

        var conflicted = api.put(path(id, "/assignments/OPINION"), Map.of("mainPerson", "tech.south"), supervisor, Map.of());
        assertThat(conflicted.status()).as("INT-12 the subject cannot be assigned").isEqualTo(400);
        assertThat(conflicted.body().get("errors").get(0).get("field").asString()).isEqualTo("mainPerson");
        assertThat(api.put(path(id, "/assignments/OPINION"), Map.of("mainPerson", "cm.zhao", "backupPerson", "cm.qian"),
                supervisor, Map.of()).status()).isEqualTo(200);
        assertThat(api.put(path(id, "/assignments/OPINION"), Map.of("mainPerson", "cm.zhao"), desk, Map.of()).status())
                .isEqualTo(403);

        assertThat(post(id, "/validity", Map.of("valid", true), desk).status()).as("SEC-01 the desk does not decide").isEqualTo(403);
        assertThat(post(id, "/validity", Map.of("valid", true), customerManager).body().get("state").asString())
                .isEqualTo("OPINION_PENDING");

        String today = today().toString();
        assertThat(api.post("/api/intake/duty/absences", Map.of("person", "cm.zhao", "from", today, "to", today,
                "reason", "annual leave"), supervisor).status()).isEqualTo(200);
        assertThat(complaint(id).get("currentHandler").asString()).as("INT-22 the backup has the work").isEqualTo("cm.qian");
        assertThat(ticketIds(api.get("/api/intake/complaints/my-work", backupCustomerManager).body())).contains(id);
        assertThat(ticketIds(api.get("/api/intake/complaints/my-work", customerManager).body())).doesNotContain(id);
        assertThat(post(id, "/opinion", opinion("COMPENSATION"), otherCustomerManager).status())
                .as("INT-22 neither main nor backup").isEqualTo(403);
        var opinion = post(id, "/opinion", opinion("COMPENSATION"), backupCustomerManager);
        assertThat(opinion.status()).as(opinion.body().toString()).isEqualTo(200);
        assertThat(opinion.body().get("state").asString()).isEqualTo("REVIEW_PENDING");

        assertThat(post(id, "/review", Map.of("outcome", "AGREED"), subjectAsManager).status())
                .as("INT-12 the subject never reviews").isEqualTo(403);
        assertThat(post(id, "/review", Map.of("outcome", "AGREED"), customerManager).status()).isEqualTo(403);
        assertThat(fields(post(id, "/review", Map.of("outcome", "CONVENED"), manager).body())).containsExactly("agreedOpinion");
        assertThat(post(id, "/review", Map.of("outcome", "CONVENED", "agreedOpinion",
                "Apologise in writing and refund the call-out fee", "remedy", "COMPENSATION"), manager)
                .body().get("state").asString()).isEqualTo("GM_APPROVAL_PENDING");

        assertThat(post(id, "/final-approval", Map.of("approved", true), manager).status()).isEqualTo(403);
        assertThat(post(id, "/final-approval", Map.of("approved", true), generalManager).body().get("state").asString())
                .isEqualTo("EXECUTION_PENDING");

        var executed = post(id, "/execution", Map.of("note", "fee refunded, apology sent", "penalties", List.of(
                Map.of("person", "tech.south", "kind", "DEDUCTION", "amount", 200, "note", "rude on site",
                        "departmentAssessed", true))), manager);
        assertThat(executed.status()).as(executed.body().toString()).isEqualTo(200);
        assertThat(executed.body().get("state").asString()).isEqualTo("FORM_RETURN_PENDING");
        assertThat(jdbc.sql("SELECT count(*) FROM complaint_penalty p JOIN complaint c ON c.id = p.complaint_id "
                + "WHERE c.ticket_id = :t AND p.person = 'tech.south' AND p.kind = 'DEDUCTION' AND p.department_assessed")
                .param("t", UUID.fromString(id)).query(Long.class).single()).as("INT-21").isEqualTo(1);

        assertThat(post(id, "/form-return", null, desk).body().get("state").asString()).isEqualTo("DONE");
        assertThat(api.get("/api/intake/tickets/" + id, desk).body().get("state").asString()).isEqualTo("RESOLVED");

        List<String> timeline = api.get("/api/intake/tickets/" + id + "/timeline", desk).body().valueStream()
                .map(e -> e.get("type").asString() + "@" + e.get("actor").asString()).toList();
        assertThat(timeline).containsSubsequence("COMPLAINT_OPENED@desk.li", "COMPLAINT_VALIDITY_VALID@cm.zhao",
                "COMPLAINT_OPINION_RECORDED@cm.qian", "COMPLAINT_REVIEW_CONVENED@mgr.sun",
                "COMPLAINT_GM_APPROVAL_APPROVED@gm.zhou", "COMPLAINT_EXECUTION_CARRIED_OUT@mgr.sun",
                "COMPLAINT_FORM_RETURN_RETURNED@desk.li", "RESOLVED@desk.li");

        ConsumerRecord<String, String> responsibility = probe.awaitType("ComplaintResponsibilityAssigned", id, Duration.ofSeconds(30));
        assertValid(responsibility);
        ConsumerRecord<String, String> finished = probe.awaitType("ComplaintFinished", id, Duration.ofSeconds(30));
        assertValid(finished);
        JsonNode stats = JSON.readTree(finished.value());
        assertThat(stats.get("contentGroup").asString()).isEqualTo("PEOPLE");
        assertThat(stats.get("penalised").asBoolean()).isTrue();
        assertThat(stats.get("qualityMustReport").asBoolean()).as("INT-05 QLT-05 the ticket's own flag")
                .isEqualTo(api.get("/api/intake/tickets/" + id, desk).body().get("qualityMustReport").asBoolean());
        assertValid(probe.awaitType("ComplaintStepCompleted", id, Duration.ofSeconds(30)));
    }

    @Test
    @DisplayName("INT-10 an invalid complaint needs an explanation and a supervisor's confirmation; REJECTED publishes the explanation")
    void INT10_rejectionNeedsSupervisorAndExplanation() {
        String id = registerComplaint(false, today().toString());
        assertThat(fields(post(id, "/validity", Map.of("valid", false), customerManager).body())).containsExactly("explanation");
        assertThat(post(id, "/validity", Map.of("valid", false, "explanation", "transport damage by own carrier"),
                customerManager).body().get("state").asString()).isEqualTo("REJECTION_PENDING");
        assertThat(post(id, "/rejection-confirmation", Map.of("confirmed", true), customerManager).status()).isEqualTo(403);
        assertThat(post(id, "/rejection-confirmation", Map.of("confirmed", false, "note", "check the photos again"),
                supervisor).body().get("state").asString()).isEqualTo("VALIDITY_CHECK");

        post(id, "/validity", Map.of("valid", false, "explanation", "transport damage by own carrier"), customerManager);
        assertThat(post(id, "/rejection-confirmation", Map.of("confirmed", true), supervisor).body().get("state").asString())
                .isEqualTo("REJECTED");
        assertThat(api.get("/api/intake/tickets/" + id, desk).body().get("state").asString()).isEqualTo("REJECTED");
        ConsumerRecord<String, String> rejected = probe.awaitType("TicketRejected", id, Duration.ofSeconds(30));
        assertValid(rejected);
        assertThat(JSON.readTree(rejected.value()).get("explanation").asString()).isEqualTo("transport damage by own carrier");
        var late = post(id, "/opinion", opinion("COMPENSATION"), customerManager);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().get("currentState").asString()).isEqualTo("REJECTED");
    }

    @Test
    @DisplayName("INT-11 the remedy must be allowed by the entitlement: RETURN needs entitlement RETURN")
    void INT11_remedyAllowedByEntitlement() {
        String id = registerComplaint(false, today().minusMonths(20).toString());
        post(id, "/validity", Map.of("valid", true), customerManager);
        var refused = post(id, "/opinion", opinion("RETURN"), customerManager);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused.body())).containsExactly("remedy");
        assertThat(post(id, "/opinion", opinion("REPAIR"), customerManager).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("INT-15 a major complaint needs the manager's approval of the plan and the customer manager's on-site visit before execution")
    void INT15_majorComplaintPlanApprovalAndVisit() {
        String id = registerComplaint(true, today().toString());
        post(id, "/validity", Map.of("valid", true), customerManager);
        assertThat(post(id, "/opinion", opinion("COMPENSATION"), customerManager).body().get("state").asString())
                .isEqualTo("PLAN_APPROVAL_PENDING");
        assertThat(post(id, "/plan-approval", Map.of("approved", true), customerManager).status()).isEqualTo(403);
        assertThat(post(id, "/plan-approval", Map.of("approved", false, "note", "offer more"), manager)
                .body().get("state").asString()).isEqualTo("OPINION_PENDING");
        post(id, "/opinion", opinion("COMPENSATION"), customerManager);
        assertThat(post(id, "/plan-approval", Map.of("approved", true), manager).body().get("state").asString())
                .isEqualTo("REVIEW_PENDING");
        post(id, "/review", Map.of("outcome", "AGREED"), manager);
        post(id, "/final-approval", Map.of("approved", true), generalManager);

        var tooEarly = post(id, "/execution", Map.of("note", "done"), manager);
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.body().get("detail").asString()).contains("on-site visit");
        assertThat(post(id, "/on-site-visit", Map.of("note", "visited the plant"), manager).status()).isEqualTo(403);
        assertThat(post(id, "/on-site-visit", Map.of("note", "visited the plant with the quality lead"), customerManager)
                .status()).isEqualTo(200);
        assertThat(post(id, "/execution", Map.of("note", "compensation paid"), manager).body().get("state").asString())
                .isEqualTo("FORM_RETURN_PENDING");
    }

    @Test
    @DisplayName("INT-19 CustomerDissatisfied reopens at the validity step with escalation + 1; the second time the general manager decides")
    void INT19_reopenAndEscalate() throws Exception {
        String id = registerComplaint(false, today().toString());
        walkToDone(id);
        dissatisfied(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> "REOPENED".equals(
                api.get("/api/intake/tickets/" + id, desk).body().get("state").asString()));
        JsonNode reopened = complaint(id);
        assertThat(reopened.get("state").asString()).isEqualTo("VALIDITY_CHECK");
        assertThat(reopened.get("escalationLevel").asInt()).isEqualTo(1);
        assertValid(probe.awaitType("TicketReopened", id, Duration.ofSeconds(30)));
        ConsumerRecord<String, String> escalated = probe.awaitType("TicketEscalated", id, Duration.ofSeconds(30));
        assertValid(escalated);
        assertThat(JSON.readTree(escalated.value()).get("notifyRoles").toString()).contains("SERVICE_DIRECTOR");

        walkToDone(id);
        dissatisfied(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> complaint(id).get("escalationLevel").asInt() == 2);
        assertThat(post(id, "/validity", Map.of("valid", true), customerManager).status())
                .as("escalated twice: the general manager decides").isEqualTo(403);
        assertThat(post(id, "/validity", Map.of("valid", true), generalManager).body().get("state").asString())
                .isEqualTo("OPINION_PENDING");
    }

    @Test
    @DisplayName("INT-11 INT-13 a complaint ticket repaired on site closes only once its complaint is finished, whatever the order")
    void INT11_repairedComplaintClosesAfterTheComplaint() throws Exception {
        Map<String, Object> request = new HashMap<>(phoneTicket("AC-" + UUID.randomUUID(), today().toString()));
        request.put("kind", "COMPLAINT");
        request.put("category", "PRODUCT_QUALITY");
        String id = api.post("/api/intake/tickets", request, desk).body().get("id").asString();
        assertThat(api.post("/api/intake/tickets/" + id + "/accept", null, desk).status()).isEqualTo(200);
        String workOrderId = UUID.randomUUID().toString();
        sender.send("aftersales.dispatch.workorder", id, "WorkOrderCreated", "dispatch-service", JSON.writeValueAsString(
                Map.of("ticketId", id, "workOrderId", workOrderId, "actor", "system:dispatch", "occurredAt", Instant.now().toString())));
        sender.send("aftersales.dispatch.workorder", id, "RepairClosed", "dispatch-service", JSON.writeValueAsString(
                Map.of("ticketId", id, "workOrderId", workOrderId, "technicianId", "tech.north", "actor", "tech.north",
                        "occurredAt", Instant.now().toString())));
        await().atMost(Duration.ofSeconds(30)).until(() -> "RESOLVED".equals(
                api.get("/api/intake/tickets/" + id, desk).body().get("state").asString()));
        sender.send("aftersales.revisit.revisit", id, "RevisitCompleted", "revisit-service", JSON.writeValueAsString(
                Map.of("revisitId", UUID.randomUUID().toString(), "ticketId", id, "workOrderId", workOrderId,
                        "satisfaction", "SATISFIED", "flaggedForReview", false, "actor", "agent.chen",
                        "occurredAt", Instant.now().toString())));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/intake/tickets/" + id + "/timeline", desk).body()
                .valueStream().anyMatch(e -> "WAITING_FOR_COMPLAINT".equals(e.get("type").asString())));
        assertThat(api.get("/api/intake/tickets/" + id, desk).body().get("state").asString()).isEqualTo("RESOLVED");

        walkToDone(id);
        assertThat(api.get("/api/intake/tickets/" + id, desk).body().get("state").asString()).isEqualTo("CLOSED");
    }

    private void walkToDone(String id) {
        assertThat(post(id, "/validity", Map.of("valid", true), customerManager).status()).isEqualTo(200);
        post(id, "/opinion", opinion("EXPLANATION"), customerManager);
        post(id, "/review", Map.of("outcome", "AGREED"), manager);
        post(id, "/final-approval", Map.of("approved", true), generalManager);
        post(id, "/execution", Map.of("note", "explained again"), manager);
        assertThat(post(id, "/form-return", null, desk).body().get("state").asString()).isEqualTo("DONE");
    }

    private void dissatisfied(String id) {
        sender.send("aftersales.revisit.revisit", id, "CustomerDissatisfied", "revisit-service",
                JSON.writeValueAsString(Map.of("revisitId", UUID.randomUUID().toString(), "ticketId", id,
                        "comment", "still unhappy", "actor", "agent.chen", "occurredAt", Instant.now().toString())));
    }

    private String registerComplaint(boolean major, String shipDate) {
        return register(api, complaintAboutTechnician(major, shipDate), desk);
    }

    private static Map<String, Object> opinion(String remedy) {
        return Map.of("responsibleDepartment", "AFTER_SALES", "responsiblePerson", "tech.south", "remedy", remedy,
                "opinion", "Technician was rude on site; the department agrees");
    }

    private JsonNode complaint(String id) {
        return api.get("/api/intake/tickets/" + id + "/complaint", desk).body();
    }

    private RestApi.Response post(String id, String step, Object body, String token) {
        return api.post(path(id, step), body == null ? Map.of() : body, token);
    }

    private static void assertValid(ConsumerRecord<String, String> record) {
        assertThat(EventContracts.load().validate(EventProbe.header(record, "ce_type"), record.value())).isEmpty();
    }

    private static List<String> ticketIds(JsonNode complaints) {
        return complaints.valueStream().map(c -> c.get("ticketId").asString()).toList();
    }
}
