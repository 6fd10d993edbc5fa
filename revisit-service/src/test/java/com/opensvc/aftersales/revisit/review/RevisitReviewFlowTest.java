package com.opensvc.aftersales.revisit.review;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.revisit.RevisitServiceTest;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** INT-26 review and lock of revisits, INT-12 for the reviewer, REV-04 corrections, on the embedded platform. */
@RevisitServiceTest
class RevisitReviewFlowTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int THIS_YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    @Autowired
    JdbcClient jdbc;
    private RestApi api;
    @ProbeTopics("aftersales.revisit.revisit")
    private EventProbe probe;
    private EventSender sender;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String agentName = "agent.rv-" + suffix;
    private final String agent = token(agentName, "REVISIT_AGENT");
    private final String otherAgent = token("agent.other-" + suffix, "REVISIT_AGENT");
    private final String supervisor = token("sup.ma-" + suffix, "SUPERVISOR");
    private final String director = token("dir.zhao-" + suffix, "SERVICE_DIRECTOR");
    private final String manager = token("mgr.qian-" + suffix, "MANAGER");
    private final String technician = token("tech.north", "TECHNICIAN");

    private static Map<String, Object> answers(String overall, String comment) {
        Map<String, Object> answers = new HashMap<>();
        answers.put("serviceQuality", "SATISFIED");
        answers.put("technicalSkill", "VERY_SATISFIED");
        answers.put("chargeReasonable", true);
        answers.put("punctuality", "SATISFIED");
        answers.put("overall", overall);
        answers.put("comment", comment);
        return answers;
    }

    /** A repeat repair (always called, REV-01) and the happy call it schedules. */
    private String scheduledRevisit(UUID ticketId) {
        sender.send("aftersales.dispatch.workorder", ticketId.toString(), "RepairClosed", "dispatch-service",
                JSON.writeValueAsString(Map.ofEntries(Map.entry("workOrderId", UUID.randomUUID().toString()),
                        Map.entry("ticketId", ticketId.toString()), Map.entry("technicianId", "tech.north"),
                        Map.entry("productModel", "AC-3200-" + suffix), Map.entry("serialNumber", "SN-" + suffix),
                        Map.entry("entitlement", "FREE_REPAIR"), Map.entry("outcome", "FIXED"),
                        Map.entry("symptom", "x"), Map.entry("causeCode", "C-1"), Map.entry("actions", "y"),
                        Map.entry("partsUsed", List.of()), Map.entry("labourMinutes", 30),
                        Map.entry("firstTimeFix", false), Map.entry("customerConfirmation", "SIGNED"),
                        Map.entry("previousWorkOrderId", UUID.randomUUID().toString()),
                        Map.entry("actor", "tech.north"), Map.entry("occurredAt", Instant.now().toString()))));
        JsonNode revisits = await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/revisit/revisits?ticketId=" + ticketId, agent).body(), b -> b.isArray() && b.size() == 1);
        return revisits.get(0).get("id").asString();
    }

    /** A finished (COMPLETED) revisit recorded by this test's agent. */
    private String completedRevisit(UUID ticketId) {
        String id = scheduledRevisit(ticketId);
        var recorded = api.post("/api/revisit/revisits/" + id + "/outcome", answers("SATISFIED", "fine"), agent);
        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(200);
        return id;
    }

    private RestApi.Response submit(String id, String correction, String as) {
        return api.post("/api/revisit/revisits/" + id + "/review/submission",
                correction == null ? Map.of() : Map.of("correction", correction), as);
    }

    private RestApi.Response review(String id, String outcome, String reason, String as) {
        Map<String, Object> body = new HashMap<>();
        body.put("outcome", outcome);
        if (reason != null) {
            body.put("reason", reason);
        }
        return api.post("/api/revisit/revisits/" + id + "/review", body, as);
    }

    private RestApi.Response correct(String id, Map<String, Object> answers, Integer version, String as) {
        return api.put("/api/revisit/revisits/" + id + "/survey", answers, as,
                version == null ? Map.of() : Map.of("If-Match", "\"" + version + "\""));
    }

    private int version(String id) {
        return api.get("/api/revisit/revisits/" + id, agent).body().get("version").asInt();
    }

    private long faultsOf(String agentLogin) {
        var faults = api.get("/api/revisit/review-faults?year=" + THIS_YEAR + "&size=200", manager);
        assertThat(faults.status()).isEqualTo(200);
        return faults.body().get("items").valueStream().filter(r -> agentLogin.equals(r.get("agent").asString()))
                .mapToLong(r -> r.get("faultyReturns").asLong()).sum();
    }

    private static void conflict(RestApi.Response response, String state) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(409);
        assertThat(response.body().get("currentState").asString()).isEqualTo(state);
    }

    @Test
    @DisplayName("INT-26 a finished revisit is submitted by its agent, returned faulty (counted), corrected with "
            + "If-Match, resubmitted, locked, unlocked by the service director with a reason, and its history kept")
    void INT26_wholeReviewCycle() {
        UUID ticketId = UUID.randomUUID();
        String id = scheduledRevisit(ticketId);
        // only a finished revisit is submitted
        conflict(submit(id, null, agent), "SCHEDULED");
        assertThat(api.post("/api/revisit/revisits/" + id + "/outcome", answers("NEUTRAL", "ok"), agent).status())
                .isEqualTo(200);
        probe.awaitType("RevisitCompleted", ticketId.toString(), Duration.ofSeconds(30));

        // another agent may not submit it; a technician never sees it
        assertThat(submit(id, null, otherAgent).status()).isEqualTo(403);
        assertThat(api.get("/api/revisit/revisits/" + id + "/review", technician).status()).isEqualTo(403);
        JsonNode fresh = api.get("/api/revisit/revisits/" + id + "/review", agent).body();
        assertThat(fresh.get("reviewState").asString()).isEqualTo("NOT_SUBMITTED");
        // not back with the agent: no correction before a faulty return
        conflict(correct(id, answers("NEUTRAL", "ok, a bit late"), version(id), agent), "NOT_SUBMITTED");

        var submitted = submit(id, null, agent);
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(200);
        assertThat(submitted.body().get("reviewState").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.body().get("cycle").asInt()).isEqualTo(1);
        conflict(submit(id, null, agent), "SUBMITTED");
        conflict(correct(id, answers("NEUTRAL", "ok, a bit late"), version(id), agent), "SUBMITTED");

        long faultsBefore = faultsOf(agentName);
        assertThat(review(id, "RETURN_FAULTY", null, supervisor).status()).isEqualTo(400);
        var returned = review(id, "RETURN_FAULTY", "punctuality not asked", supervisor);
        assertThat(returned.status()).as(returned.body().toString()).isEqualTo(200);
        assertThat(returned.body().get("reviewState").asString()).isEqualTo("RETURNED_FAULTY");
        assertThat(returned.body().get("markedFaulty").asBoolean()).isTrue();
        assertThat(faultsOf(agentName)).isEqualTo(faultsBefore + 1);

        // the correction: only the recording agent, with If-Match, never the overall answer
        int version = version(id);
        assertThat(correct(id, answers("NEUTRAL", "late"), version, otherAgent).status()).isEqualTo(403);
        assertThat(correct(id, answers("NEUTRAL", "late"), null, agent).status()).isEqualTo(428);
        assertThat(correct(id, answers("NEUTRAL", "late"), version - 1, agent).status()).isEqualTo(412);
        var overall = correct(id, answers("SATISFIED", "late"), version, agent);
        assertThat(overall.status()).isEqualTo(400);
        assertThat(overall.body().get("errors").get(0).get("field").asString()).isEqualTo("overall");
        Map<String, Object> corrected = answers("NEUTRAL", "technician came two hours late");
        corrected.put("punctuality", "DISSATISFIED");
        var correction = correct(id, corrected, version, agent);
        assertThat(correction.status()).as(correction.body().toString()).isEqualTo(200);
        assertThat(correction.header("ETag")).isEqualTo("\"" + (version + 1) + "\"");
        assertThat(correction.body().get("punctuality").asString()).isEqualTo("DISSATISFIED");
        assertThat(correction.body().get("overall").asString()).isEqualTo("NEUTRAL");
        assertThat(correction.body().get("state").asString()).isEqualTo("COMPLETED");

        // a resubmission says what was corrected
        assertThat(submit(id, null, agent).status()).isEqualTo(400);
        assertThat(submit(id, "asked about punctuality", agent).status()).isEqualTo(200);
        var locked = review(id, "LOCK", null, supervisor);
        assertThat(locked.status()).as(locked.body().toString()).isEqualTo(200);
        assertThat(locked.body().get("locked").asBoolean()).isTrue();
        assertThat(locked.body().get("lockedBy").asString()).startsWith("sup.ma-");

        // locked: nothing changes, not even by the agent who recorded it
        conflict(correct(id, corrected, version(id), agent), "LOCKED");
        conflict(submit(id, "again", agent), "LOCKED");
        conflict(review(id, "RETURN_FAULTY", "late find", supervisor), "LOCKED");
        conflict(api.post("/api/revisit/revisits/" + id + "/outcome", answers("SATISFIED", "x"), agent), "COMPLETED");
        assertThatThrownBy(() -> jdbc.sql("UPDATE revisit SET comment = 'tampered' WHERE id = :id")
                .param("id", UUID.fromString(id)).update()).hasMessageContaining("locked");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM revisit WHERE id = :id").param("id", UUID.fromString(id))
                .update()).hasMessageContaining("locked");

        // unlocking is the service director's, with a reason
        assertThat(api.post("/api/revisit/revisits/" + id + "/review/unlock", Map.of("reason", "x"), supervisor)
                .status()).isEqualTo(403);
        assertThat(api.post("/api/revisit/revisits/" + id + "/review/unlock", Map.of(), director).status())
                .isEqualTo(400);
        var unlocked = api.post("/api/revisit/revisits/" + id + "/review/unlock",
                Map.of("reason", "customer called to add a remark"), director);
        assertThat(unlocked.status()).as(unlocked.body().toString()).isEqualTo(200);
        assertThat(unlocked.body().get("reviewState").asString()).isEqualTo("UNLOCKED");
        Map<String, Object> remark = new HashMap<>(corrected);
        remark.put("comment", "technician came two hours late; fixed it well");
        assertThat(correct(id, remark, version(id), agent).status()).isEqualTo(200);
        assertThat(submit(id, "remark added", agent).status()).isEqualTo(200);
        assertThat(review(id, "LOCK", "checked", supervisor).status()).isEqualTo(200);

        JsonNode view = api.get("/api/revisit/revisits/" + id + "/review", manager).body();
        assertThat(view.get("reviewState").asString()).isEqualTo("LOCKED");
        assertThat(view.get("agent").asString()).isEqualTo(agentName);
        assertThat(view.get("faultyReturns").asInt()).isEqualTo(1);
        assertThat(view.get("history").valueStream().map(s -> s.get("action").asString()).toList())
                .containsExactly("SUBMITTED", "RETURNED_FAULTY", "SUBMITTED", "LOCKED", "UNLOCKED", "SUBMITTED",
                        "LOCKED");
        JsonNode fault = view.get("history").get(1);
        assertThat(fault.get("faultyAgent").asString()).isEqualTo(agentName);
        assertThat(fault.get("faultyYear").asInt()).isEqualTo(THIS_YEAR);
        assertThat(fault.get("reason").asString()).isEqualTo("punctuality not asked");
        assertThat(view.get("history").get(2).get("correction").asString()).isEqualTo("asked about punctuality");
        assertThat(view.get("history").get(4).get("reason").asString()).isEqualTo("customer called to add a remark");
        assertThat(view.get("history").get(6).get("snapshot").get("comment").asString())
                .isEqualTo("technician came two hours late; fixed it well");

        // the history is append-only
        assertThatThrownBy(() -> jdbc.sql("UPDATE revisit_review_history SET reason = 'x' WHERE revisit_id = :id")
                .param("id", UUID.fromString(id)).update()).hasMessageContaining("audit record");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM revisit_review_history WHERE revisit_id = :id")
                .param("id", UUID.fromString(id)).update()).hasMessageContaining("audit record");
        // review and corrections publish nothing: the revisit's one outcome event stays the only one
        assertThat(probe.drain(Duration.ofSeconds(2))).filteredOn(r -> ticketId.toString().equals(r.key()))
                .map(EventProbe::eventType).containsOnlyOnce("RevisitCompleted").doesNotContain("CustomerDissatisfied")
                .allMatch(type -> type.startsWith("Revisit"));
    }

    @Test
    @DisplayName("INT-26 two supervisors reviewing the same revisit at once: one 200, one 409")
    void INT26_concurrentReviews() throws Exception {
        for (int round = 0; round < 3; round++) {
            String id = completedRevisit(UUID.randomUUID());
            assertThat(submit(id, null, agent).status()).isEqualTo(200);
            String other = token("sup.li-" + suffix, "SUPERVISOR");
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<RestApi.Response> lock = CompletableFuture.supplyAsync(() -> {
                together(start);
                return review(id, "LOCK", null, supervisor);
            });
            CompletableFuture<RestApi.Response> ret = CompletableFuture.supplyAsync(() -> {
                together(start);
                return review(id, "RETURN_FAULTY", "comment missing", other);
            });
            List<Integer> statuses = List.of(lock.get().status(), ret.get().status());
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            JsonNode view = api.get("/api/revisit/revisits/" + id + "/review", supervisor).body();
            assertThat(view.get("history").size()).isEqualTo(2);
            assertThat(view.get("reviewState").asString()).isEqualTo(lock.get().status() == 200 ? "LOCKED"
                    : "RETURNED_FAULTY");
        }
    }

    private static void together(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("INT-12 INT-26 a supervisor named in the ticket's complaint may not review or lock its revisit")
    void INT12_subjectMayNotReview() {
        UUID ticketId = UUID.randomUUID();
        String subjectLogin = "sup.subject-" + suffix;
        sender.send("aftersales.intake.ticket", ticketId.toString(), "TicketRegistered", "intake-service",
                JSON.writeValueAsString(Map.of("ticketId", ticketId.toString(), "ticketNumber", "T-2026-000778",
                        "channel", "PHONE", "serviceType", "ON_SITE", "productModel", "AC-3200", "kind", "COMPLAINT",
                        "complaintSubjects", List.of(subjectLogin), "actor", "desk.li",
                        "occurredAt", Instant.now().toString())));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM complaint_subject WHERE ticket_id = :t").param("t", ticketId)
                .query(Long.class).single() == 1);
        // REV-02: no call while the complaint is being handled; it was rejected, so the happy call may be made
        sender.send("aftersales.intake.ticket", ticketId.toString(), "TicketRejected", "intake-service",
                JSON.writeValueAsString(Map.of("ticketId", ticketId.toString(), "ticketNumber", "T-2026-000778",
                        "explanation", "not valid", "actor", "sup.wang",
                        "occurredAt", Instant.now().plusSeconds(1).toString())));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM complaint_handling WHERE ticket_id = :t AND NOT handling").param("t", ticketId)
                .query(Long.class).single() == 1);
        String id = completedRevisit(ticketId);
        assertThat(submit(id, null, agent).status()).isEqualTo(200);

        var refused = review(id, "LOCK", null, token(subjectLogin, "SUPERVISOR"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("detail").asString()).contains("INT-12");
        assertThat(review(id, "RETURN_FAULTY", "x", token(subjectLogin, "SUPERVISOR")).status()).isEqualTo(403);
        assertThat(api.get("/api/revisit/revisits/" + id + "/review", supervisor).body().get("reviewState").asString())
                .isEqualTo("SUBMITTED");
        assertThat(review(id, "LOCK", null, supervisor).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("INT-26 the year-end assessment counts faulty returns per agent for the year asked; 404 for an unknown revisit")
    void INT26_faultsPerYear() {
        String id = completedRevisit(UUID.randomUUID());
        assertThat(submit(id, null, agent).status()).isEqualTo(200);
        assertThat(review(id, "RETURN_FAULTY", "overall not read back", supervisor).status()).isEqualTo(200);
        assertThat(submit(id, "read back", agent).status()).isEqualTo(200);
        assertThat(review(id, "RETURN_FAULTY", "still missing", supervisor).status()).isEqualTo(200);
        assertThat(faultsOf(agentName)).isEqualTo(2);
        var lastYear = api.get("/api/revisit/review-faults?year=" + (THIS_YEAR - 1), supervisor);
        assertThat(lastYear.body().get("items").valueStream().map(r -> r.get("agent").asString()))
                .doesNotContain(agentName);
        var byDefault = api.get("/api/revisit/review-faults?size=200", director);
        assertThat(byDefault.body().get("items").valueStream()
                .filter(r -> agentName.equals(r.get("agent").asString()))
                .map(r -> r.get("year").asInt())).containsExactly(THIS_YEAR);

        String unknown = UUID.randomUUID().toString();
        assertThat(api.get("/api/revisit/revisits/" + unknown + "/review", supervisor).status()).isEqualTo(404);
        assertThat(submit(unknown, null, agent).status()).isEqualTo(404);
        assertThat(review(unknown, "LOCK", null, supervisor).status()).isEqualTo(404);
        assertThat(correct(unknown, answers("SATISFIED", "x"), 1, agent).status()).isEqualTo(404);
    }
}
