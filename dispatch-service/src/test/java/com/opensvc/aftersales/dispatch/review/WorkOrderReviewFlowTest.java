package com.opensvc.aftersales.dispatch.review;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.dispatch.DispatchServiceTest;
import com.opensvc.aftersales.dispatch.TestTechnicians;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;

@DispatchServiceTest
class WorkOrderReviewFlowTest {
    private static final String TICKETS = "aftersales.intake.ticket";
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";

    private RestApi api;
    @ProbeTopics(WORK_ORDERS)
    private EventProbe probe;
    private EventSender sender;
    private final String supervisor = token("sup.zhao", "SUPERVISOR");
    private final String supervisor2 = token("sup.qian", "SUPERVISOR");
    private final String director = token("dir.zhou", "SERVICE_DIRECTOR");
    private final String techSouth = token("tech.south", "TECHNICIAN");
    private final String techNorth = token("tech.north", "TECHNICIAN");

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void technicians() {
        TestTechnicians.ensure(jdbc);
    }

    /** A work order that tech.south assigned and completed (FIXED). */
    private String completedWorkOrder() {
        UUID ticketId = UUID.randomUUID();
        sender.send(TICKETS, ticketId.toString(), "TicketAccepted", "intake-service", """
                {"ticketId":"%s","ticketNumber":"T-2026-%06d","serviceType":"ON_SITE","entitlement":"FREE_REPAIR",
                 "customerRegion":"SOUTH","productLine":"AIR_CONDITIONER","productModel":"AC-3200","serialNumber":"SN-R",
                 "expectedParts":[],"priority":"NORMAL","qualityMustReport":false,"actor":"desk.li",
                 "occurredAt":"2026-11-23T01:00:00Z"}
                """.formatted(ticketId, Math.abs(ticketId.hashCode() % 1_000_000)));
        probe.awaitType("WorkOrderCreated", ticketId.toString(), Duration.ofSeconds(30));
        String id = api.get("/api/dispatch/work-orders?ticketId=" + ticketId, supervisor).body().get("items").get(0)
                .get("id").asString();
        assertThat(api.post("/api/dispatch/work-orders/" + id + "/assignment", Map.of("technicianId", "tech.south"),
                supervisor).status()).isEqualTo(200);
        var fixed = api.post("/api/dispatch/work-orders/" + id + "/visits", visit(), techSouth);
        assertThat(fixed.status()).as(fixed.body().toString()).isEqualTo(200);
        return id;
    }

    private static Map<String, Object> visit() {
        return Map.of("outcome", "FIXED", "symptom", "no cooling", "causeCode", "C-GAS", "actions", "refilled",
                "labourMinutes", 30, "customerConfirmation", "CODE-1", "partsUsed", List.of());
    }

    private static String review(String id) {
        return "/api/dispatch/work-orders/" + id + "/review";
    }

    @Test
    @DisplayName("INT-26 SEC-02 a finished work order is submitted by its technician; returned as faulty (counted per technician and year), corrected, resubmitted and locked")
    void INT26_submitReturnResubmitLock() {
        String id = completedWorkOrder();
        int year = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        long before = faultsOf("tech.south", year);

        assertThat(api.post(review(id) + "/submission", Map.of(), techNorth).status()).as("another technician")
                .isEqualTo(403);
        assertThat(api.post(review(id) + "/submission", Map.of(), token("desk.li", "FRONT_DESK")).status())
                .isEqualTo(403);
        var submitted = api.post(review(id) + "/submission", Map.of(), techSouth);
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(200);
        assertThat(submitted.body().get("reviewState").asString()).isEqualTo("SUBMITTED");
        assertThat(api.post(review(id) + "/submission", Map.of(), techSouth).status()).as("already submitted")
                .isEqualTo(409);

        assertThat(api.post(review(id) + "/return", Map.of("reasons", List.of("cause code missing")), techSouth)
                .status()).isEqualTo(403);
        var empty = api.post(review(id) + "/return", Map.of("reasons", List.of()), supervisor);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("errors").get(0).get("field").asString()).isEqualTo("reasons");
        var returned = api.post(review(id) + "/return",
                Map.of("reasons", List.of("cause code does not match the actions", "no photo of the site")), supervisor);
        assertThat(returned.status()).isEqualTo(200);
        assertThat(returned.body().get("reviewState").asString()).isEqualTo("RETURNED_FAULTY");
        assertThat(returned.body().get("markedFaulty").asBoolean()).isTrue();
        assertThat(faultsOf("tech.south", year)).isEqualTo(before + 1);
        assertThat(api.get("/api/dispatch/review-faults?year=" + year, techSouth).status()).isEqualTo(403);

        var uncorrected = api.post(review(id) + "/submission", Map.of(), techSouth);
        assertThat(uncorrected.status()).isEqualTo(400);
        assertThat(uncorrected.body().get("errors").get(0).get("field").asString()).isEqualTo("correction");
        assertThat(api.post(review(id) + "/submission", Map.of("correction", "cause code corrected to C-LEAK"),
                techSouth).status()).isEqualTo(200);
        var locked = api.post(review(id) + "/lock", Map.of(), supervisor);
        assertThat(locked.status()).isEqualTo(200);
        assertThat(locked.body().get("locked").asBoolean()).isTrue();
        assertThat(locked.body().get("lockedBy").asString()).isEqualTo("sup.zhao");
        assertThat(locked.body().get("history").valueStream().map(h -> h.get("action").asString()).toList())
                .containsExactly("SUBMITTED", "RETURNED_FAULTY", "SUBMITTED", "LOCKED");
        assertThat(locked.body().get("history").get(3).get("snapshot").get("id").asString()).isEqualTo(id);
        assertThat(api.get(review(id), techNorth).status()).isEqualTo(403);
        assertThat(api.get(review(id), techSouth).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("INT-26 a locked work order cannot be changed or deleted; unlocking needs the service director and a reason, on record")
    void INT26_lockedCannotChangeUnlockNeedsDirector() {
        String id = completedWorkOrder();
        assertThat(api.post(review(id) + "/lock", Map.of(), supervisor).status()).as("not submitted").isEqualTo(409);
        api.post(review(id) + "/submission", Map.of(), supervisor);
        assertThat(api.post(review(id) + "/lock", Map.of("note", "complete and correct"), supervisor).status())
                .isEqualTo(200);

        assertThat(api.post("/api/dispatch/work-orders/" + id + "/arrival", Map.of(), supervisor).status()).isEqualTo(409);
        assertThat(api.post("/api/dispatch/work-orders/" + id + "/visits", visit(), techSouth).status()).isEqualTo(409);
        UUID workOrderId = UUID.fromString(id);
        assertThatThrownBy(() -> jdbc.sql("UPDATE work_order SET priority = 'HIGH' WHERE id = :id")
                .param("id", workOrderId).update()).hasMessageContaining("locked");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM work_order WHERE id = :id").param("id", workOrderId).update())
                .hasMessageContaining("locked");
        assertThatThrownBy(() -> jdbc.sql("UPDATE work_order_review_history SET actor = 'x' WHERE work_order_id = :id")
                .param("id", workOrderId).update()).as("SEC-03 the review history is append-only")
                .hasMessageContaining("history");

        assertThat(api.post(review(id) + "/unlock", Map.of("reason", "typo"), supervisor).status())
                .as("the reviewer does not unlock").isEqualTo(403);
        var noReason = api.post(review(id) + "/unlock", Map.of(), director);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        var unlocked = api.post(review(id) + "/unlock", Map.of("reason", "customer disputes the labour minutes"), director);
        assertThat(unlocked.status()).isEqualTo(200);
        assertThat(unlocked.body().get("reviewState").asString()).isEqualTo("UNLOCKED");
        assertThat(unlocked.body().get("history").valueStream().map(h -> h.get("action").asString()).toList())
                .containsExactly("SUBMITTED", "LOCKED", "UNLOCKED");
        assertThat(unlocked.body().get("history").get(2).get("reasons").get(0).asString())
                .isEqualTo("customer disputes the labour minutes");
        assertThat(jdbc.sql("UPDATE work_order SET priority = priority WHERE id = :id").param("id", workOrderId)
                .update()).as("unlocked: the database lets it change again").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM work_order_history WHERE work_order_id = :id AND action LIKE 'REVIEW_%'")
                .param("id", workOrderId).query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    @DisplayName("INT-26 two supervisors reviewing at once: one locks or returns, the other gets 409")
    void INT26_concurrentReviewOneWins() throws Exception {
        String id = completedWorkOrder();
        api.post(review(id) + "/submission", Map.of(), techSouth);
        CyclicBarrier barrier = new CyclicBarrier(2);
        var lock = CompletableFuture.supplyAsync(() -> {
            await(barrier);
            return api.post(review(id) + "/lock", Map.of(), supervisor).status();
        });
        var ret = CompletableFuture.supplyAsync(() -> {
            await(barrier);
            return api.post(review(id) + "/return", Map.of("reasons", List.of("incomplete")), supervisor2).status();
        });
        assertThat(List.of(lock.get(), ret.get())).containsExactlyInAnyOrder(200, 409);
        JsonNode view = api.get(review(id), supervisor).body();
        assertThat(view.get("history").size()).isEqualTo(2);
    }

    private long faultsOf(String technician, int year) {
        var faults = api.get("/api/dispatch/review-faults?year=" + year, token("mgr.sun", "MANAGER"));
        assertThat(faults.status()).isEqualTo(200);
        return faults.body().get("technicians").valueStream()
                .filter(t -> t.get("technicianId").asString().equals(technician))
                .mapToLong(t -> t.get("faultyReturns").asLong()).findFirst().orElse(0);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
