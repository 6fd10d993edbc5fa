package com.opensvc.aftersales.intake.complaint.review;

import static com.opensvc.aftersales.intake.Tickets.today;
import static com.opensvc.aftersales.intake.complaint.ComplaintFixtures.complaintAboutTechnician;
import static com.opensvc.aftersales.intake.complaint.ComplaintFixtures.path;
import static com.opensvc.aftersales.intake.complaint.ComplaintFixtures.register;
import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.intake.IntakeServiceTest;
import com.opensvc.aftersales.intake.complaint.ComplaintFixtures;
import com.opensvc.aftersales.intake.complaint.ComplaintFixtures.Handlers;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.RestApi;
import com.opensvc.aftersales.testkit.SharedInfrastructure;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntakeServiceTest
class ComplaintFormReviewTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;
    private RestApi api;

    /** A customer manager of this run only, so the faulty count is exactly this test's. */
    private final String customerManagerName = "cm.review-" + UUID.randomUUID().toString().substring(0, 8);
    private final String customerManager = token(customerManagerName, "CUSTOMER_MANAGER");
    private final String desk = token("desk.li", "FRONT_DESK");
    private final String supervisor = token("sup.wang", "SUPERVISOR");
    private final String manager = token("mgr.sun", "MANAGER");
    private final String generalManager = token("gm.zhou", "GENERAL_MANAGER");
    private final String serviceDirector = token("sd.he", "SERVICE_DIRECTOR");

    /** The topic intake consumes, which the test feeds. */
    @BeforeAll
    static void consumedTopics() throws Exception {
        SharedInfrastructure.get().createTopics("aftersales.revisit.revisit");
    }

    @Test
    @DisplayName("INT-26 submit, return faulty (counted per person and year), resubmit, lock: every complaint write is 409; unlocking needs the service director and a reason, and stays on record")
    void INT26_reviewReturnFaultyLockAndUnlock() {
        String id = registerComplaint();
        walkToDone(id);
        JsonNode fresh = form(id);
        assertThat(fresh.get("reviewState").asString()).isEqualTo("NOT_SUBMITTED");
        assertThat(fresh.get("locked").asBoolean()).isFalse();
        assertThat(post(id, "/form-review", Map.of("outcome", "LOCK"), supervisor).status())
                .as("nothing submitted yet").isEqualTo(409);

        var submitted = post(id, "/review-submission", Map.of(), desk);
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(200);
        assertThat(submitted.body().get("reviewState").asString()).isEqualTo("SUBMITTED");
        assertThat(post(id, "/review-submission", Map.of(), desk).status()).as("already under review").isEqualTo(409);
        assertThat(post(id, "/review-submission", Map.of(), token("tech.li", "TECHNICIAN")).status()).isEqualTo(403);

        assertThat(post(id, "/form-review", Map.of("outcome", "LOCK"), customerManager).status())
                .as("SEC-01 only the supervisor reviews").isEqualTo(403);
        assertThat(fields(post(id, "/form-review", Map.of("outcome", "RETURN_FAULTY"), supervisor).body()))
                .containsExactlyInAnyOrder("reason", "faultyStep", "faultyPerson");
        assertThat(fields(post(id, "/form-review", Map.of("outcome", "RETURN_FAULTY", "reason", "late",
                "faultyPerson", "mgr.sun", "faultyStep", "OPINION"), supervisor).body()))
                .as("the faulty person must have handled the faulty step").containsExactly("faultyPerson");

        int year = today().getYear();
        var returned = post(id, "/form-review", Map.of("outcome", "RETURN_FAULTY",
                "reason", "opinion recorded after the 24-hour deadline", "faultyPerson", customerManagerName,
                "faultyStep", "OPINION"), supervisor);
        assertThat(returned.status()).as(returned.body().toString()).isEqualTo(200);
        assertThat(returned.body().get("reviewState").asString()).isEqualTo("RETURNED_FAULTY");
        assertThat(returned.body().get("markedFaulty").asBoolean()).isTrue();

        var counts = api.get("/api/intake/complaint-forms/faulty-counts?year=" + year, manager);
        assertThat(counts.status()).isEqualTo(200);
        assertThat(faultyCount(counts.body(), customerManagerName)).as("counted for the person and the year").isEqualTo(1);
        assertThat(faultyCount(api.get("/api/intake/complaint-forms/faulty-counts?year=" + (year - 1), manager).body(),
                customerManagerName)).as("not in another year").isZero();
        assertThat(api.get("/api/intake/complaint-forms/faulty-counts?year=" + year, desk).status()).isEqualTo(403);
        assertThat(api.get("/api/intake/complaint-forms/faulty-counts?year=" + year, token("gm.zhou", "GENERAL_MANAGER"))
                .status()).isEqualTo(200);

        assertThat(fields(post(id, "/review-submission", Map.of(), customerManager).body()))
                .as("a returned form comes back corrected").containsExactly("correction");
        assertThat(post(id, "/review-submission", Map.of("correction", "fault settled with the customer manager"),
                customerManager).body().get("reviewState").asString()).isEqualTo("SUBMITTED");

        var locked = post(id, "/form-review", Map.of("outcome", "LOCK"), supervisor);
        assertThat(locked.status()).isEqualTo(200);
        JsonNode lockedForm = form(id);
        assertThat(lockedForm.get("reviewState").asString()).isEqualTo("LOCKED");
        assertThat(lockedForm.get("locked").asBoolean()).isTrue();
        assertThat(lockedForm.get("lockedBy").asString()).isEqualTo("sup.wang");
        assertThat(lockedForm.get("lockedAt").isNull()).isFalse();
        assertThat(lockedForm.get("markedFaulty").asBoolean()).as("the form stays marked").isTrue();

        var formReturn = post(id, "/form-return", Map.of(), desk);
        assertThat(formReturn.status()).isEqualTo(409);
        assertThat(formReturn.body().get("currentState").asString()).isEqualTo("LOCKED");
        assertThat(formReturn.body().get("detail").asString()).contains("locked");
        var assignment = api.put(path(id, "/assignments/OPINION"), Map.of("mainPerson", "cm.qian"), supervisor, Map.of());
        assertThat(assignment.status()).isEqualTo(409);
        assertThat(assignment.body().get("currentState").asString()).isEqualTo("LOCKED");
        assertThat(post(id, "/validity", Map.of("valid", true), customerManager).body().get("currentState").asString())
                .isEqualTo("LOCKED");
        assertThatThrownBy(() -> jdbc.sql("UPDATE complaint SET opinion = 'changed behind the API' WHERE ticket_id = :t")
                .param("t", UUID.fromString(id)).update()).as("the database refuses too").hasMessageContaining("locked");

        assertThat(post(id, "/unlock", Map.of("reason", "typo"), supervisor).status())
                .as("the reviewer cannot unlock").isEqualTo(403);
        var noReason = post(id, "/unlock", Map.of(), serviceDirector);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(fields(noReason.body())).containsExactly("reason");
        var unlocked = post(id, "/unlock", Map.of("reason", "customer's address on the form was wrong"), serviceDirector);
        assertThat(unlocked.status()).isEqualTo(200);
        assertThat(unlocked.body().get("reviewState").asString()).isEqualTo("UNLOCKED");
        assertThat(unlocked.body().get("locked").asBoolean()).isFalse();
        List<String> actions = unlocked.body().get("history").valueStream().map(e -> e.get("action").asString()).toList();
        assertThat(actions).containsExactly("SUBMITTED", "RETURNED_FAULTY", "SUBMITTED", "LOCKED", "UNLOCKED");

        assertThatThrownBy(() -> jdbc.sql("DELETE FROM complaint_form_review WHERE ticket_id = :t AND action = 'UNLOCKED'")
                .param("t", UUID.fromString(id)).update()).as("SEC-03 the unlock record cannot be deleted")
                .hasMessageContaining("audit record");
        assertThatThrownBy(() -> jdbc.sql("UPDATE complaint_form_review SET reason = 'x' WHERE ticket_id = :t")
                .param("t", UUID.fromString(id)).update()).hasMessageContaining("audit record");
        assertThat(jdbc.sql("SELECT count(*) FROM complaint_form_review WHERE ticket_id = :t AND action = 'UNLOCKED' "
                + "AND actor = 'sd.he' AND reason = 'customer''s address on the form was wrong'")
                .param("t", UUID.fromString(id)).query(Long.class).single()).isEqualTo(1);

        assertThat(api.put(path(id, "/assignments/OPINION"), Map.of("mainPerson", "cm.qian"), supervisor, Map.of())
                .status()).as("unlocked: writable again").isEqualTo(200);
        List<String> timeline = api.get("/api/intake/tickets/" + id + "/timeline", desk).body().valueStream()
                .map(e -> e.get("type").asString() + "@" + e.get("actor").asString()).toList();
        assertThat(timeline).containsSubsequence("FORM_REVIEW_SUBMITTED@desk.li", "FORM_RETURNED_FAULTY@sup.wang",
                "FORM_REVIEW_SUBMITTED@" + customerManagerName, "FORM_LOCKED@sup.wang", "FORM_UNLOCKED@sd.he");
    }

    @Test
    @DisplayName("INT-26 INT-19 a dissatisfied customer reopens a locked complaint: a new review cycle starts and the locked form stays in the history")
    void INT26_reopenOfLockedComplaintKeepsTheLockedForm(EventSender events) {
        String id = registerComplaint();
        walkToDone(id);
        post(id, "/review-submission", Map.of(), desk);
        assertThat(post(id, "/form-review", Map.of("outcome", "LOCK"), supervisor).status()).isEqualTo(200);

        events.send("aftersales.revisit.revisit", id, "CustomerDissatisfied", "revisit-service",
                JSON.writeValueAsString(Map.of("revisitId", UUID.randomUUID().toString(), "ticketId", id,
                        "comment", "still unhappy", "actor", "agent.chen", "occurredAt", Instant.now().toString())));
        await().atMost(Duration.ofSeconds(30)).until(() -> "VALIDITY_CHECK".equals(
                api.get("/api/intake/tickets/" + id + "/complaint", desk).body().get("state").asString()));
        JsonNode reopened = form(id);
        assertThat(reopened.get("reviewState").asString()).isEqualTo("NOT_SUBMITTED");
        assertThat(reopened.get("locked").asBoolean()).isFalse();
        JsonNode lockRow = reopened.get("history").valueStream().filter(e -> "LOCKED".equals(e.get("action").asString()))
                .findFirst().orElseThrow();
        assertThat(lockRow.get("snapshot").get("complaint").get("state").asString()).isEqualTo("DONE");
        assertThat(lockRow.get("snapshot").get("penalties").get(0).get("person").asString()).isEqualTo("tech.south");
        assertThat(reopened.get("history").valueStream().map(e -> e.get("action").asString()).toList())
                .containsExactly("SUBMITTED", "LOCKED", "REOPENED");

        walkToDone(id);
        var second = post(id, "/review-submission", Map.of(), desk);
        assertThat(second.body().get("cycle").asInt()).as("a new review cycle").isEqualTo(2);
    }

    private void walkToDone(String id) {
        ComplaintFixtures.walkToDone(api, id, new Handlers(desk, customerManager, manager, generalManager), "EXPLANATION",
                Map.of("note", "apology sent", "penalties", List.of(Map.of("person", "tech.south", "kind", "WARNING",
                        "departmentAssessed", true))));
    }

    private String registerComplaint() {
        return register(api, complaintAboutTechnician(false, today().toString()), desk);
    }

    private JsonNode form(String id) {
        var response = api.get(path(id, "/form"), desk);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    private RestApi.Response post(String id, String step, Object body, String token) {
        return api.post(path(id, step), body, token);
    }

    private static long faultyCount(JsonNode counts, String person) {
        return counts.get("persons").valueStream().filter(p -> person.equals(p.get("person").asString()))
                .mapToLong(p -> p.get("faultyForms").asLong()).sum();
    }

    private static List<String> fields(JsonNode problem) {
        assertThat(problem.has("errors")).as(problem.toString()).isTrue();
        return problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }
}
