package com.opensvc.aftersales.intake.reply;

import static com.opensvc.aftersales.intake.Tickets.fields;
import static com.opensvc.aftersales.intake.Tickets.phoneTicket;
import static com.opensvc.aftersales.intake.Tickets.today;
import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.intake.IntakeServiceTest;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntakeServiceTest
@ProbeTopics("aftersales.intake.ticket")
class PromisedReplyApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RestApi api;
    private EventProbe probe;
    private final String desk = token("desk.li", "FRONT_DESK");

    private String register() {
        return api.post("/api/intake/tickets", phoneTicket("PR-" + UUID.randomUUID(),
                today().toString()), desk).body().get("id").asString();
    }

    private RestApi.Response promise(String id, Instant replyBy, String source, String token, Map<String, String> headers) {
        return api.put("/api/intake/tickets/" + id + "/promised-reply",
                Map.of("replyBy", replyBy.toString(), "source", source, "note", "engineer checks the wiring diagram"),
                token, headers);
    }

    private List<JsonNode> timeline(String id) {
        return api.get("/api/intake/tickets/" + id + "/timeline", desk).body().valueStream().toList();
    }

    @Test
    @DisplayName("INT-25 the desk records the promised reply; ReplyPromised is valid and on the timeline")
    void INT25_promiseRecorded() {
        String id = register();
        Instant replyBy = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        var response = promise(id, replyBy, "PROMISED_BY_US", desk, Map.of());

        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        assertThat(response.header("ETag")).isEqualTo("\"1\"");
        assertThat(Instant.parse(response.body().get("replyBy").asString())).isEqualTo(replyBy);
        assertThat(response.body().get("state").asString()).isEqualTo("OPEN");
        assertThat(response.body().get("setBy").asString()).isEqualTo("desk.li");
        assertThat(response.body().get("overdue").asBoolean()).isFalse();
        assertThat(timeline(id)).anyMatch(e -> "REPLY_PROMISED".equals(e.get("type").asString())
                && "desk.li".equals(e.get("actor").asString()));

        ConsumerRecord<String, String> event = probe.awaitType("ReplyPromised", id, Duration.ofSeconds(30));
        assertThat(EventContracts.load().validate(EventProbe.header(event, "ce_type"), event.value())).isEmpty();
        JsonNode payload = JSON.readTree(event.value());
        assertThat(Instant.parse(payload.get("replyBy").asString())).isEqualTo(replyBy);
        assertThat(payload.get("source").asString()).isEqualTo("PROMISED_BY_US");
        assertThat(payload.get("actor").asString()).isEqualTo("desk.li");
    }

    @Test
    @DisplayName("INT-25 a changed promise keeps the old one on the history; a stale If-Match is 412")
    void INT25_changeKeepsOldPromise() {
        String id = register();
        Instant first = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant agreed = first.plus(1, ChronoUnit.DAYS);
        promise(id, first, "PROMISED_BY_US", desk, Map.of());

        var stale = promise(id, agreed, "CHOSEN_BY_CUSTOMER", desk, Map.of("If-Match", "\"0\""));
        assertThat(stale.status()).isEqualTo(412);
        var changed = promise(id, agreed, "CHOSEN_BY_CUSTOMER", token("cm.zhao", "CUSTOMER_MANAGER"),
                Map.of("If-Match", "\"1\""));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("revision").asInt()).isEqualTo(2);
        assertThat(changed.body().get("source").asString()).isEqualTo("CHOSEN_BY_CUSTOMER");
        List<JsonNode> history = api.get("/api/intake/tickets/" + id + "/promised-reply/history", desk).body()
                .valueStream().toList();
        assertThat(history).extracting(h -> h.get("state").asString()).containsExactly("SUPERSEDED", "OPEN");
        assertThat(Instant.parse(history.getFirst().get("replyBy").asString())).isEqualTo(first);
        JsonNode change = timeline(id).stream().filter(e -> "REPLY_PROMISE_CHANGED".equals(e.get("type").asString()))
                .findFirst().orElseThrow();
        assertThat(change.get("actor").asString()).isEqualTo("cm.zhao");
        assertThat(change.get("detail").asString()).contains(first.toString(), agreed.toString());
        ConsumerRecord<String, String> event = probe.await(r -> id.equals(r.key())
                && "com.opensvc.aftersales.ReplyPromised.v1".equals(EventProbe.header(r, "ce_type"))
                && JSON.readTree(r.value()).get("revision").asInt() == 2, Duration.ofSeconds(30));
        assertThat(EventContracts.load().validate(EventProbe.header(event, "ce_type"), event.value())).isEmpty();
        assertThat(Instant.parse(JSON.readTree(event.value()).get("previousReplyBy").asString())).isEqualTo(first);
    }

    @Test
    @DisplayName("INT-25 the answer given is recorded with actor and time; answering twice is 409")
    void INT25_answered() {
        String id = register();
        promise(id, Instant.now().plus(3, ChronoUnit.HOURS), "CHOSEN_BY_CUSTOMER", desk, Map.of());

        var answered = api.post("/api/intake/tickets/" + id + "/promised-reply/answered",
                Map.of("summary", "wiring fault confirmed; technician comes Tuesday"), token("sup.wang", "SUPERVISOR"));

        assertThat(answered.status()).as(answered.body().toString()).isEqualTo(200);
        assertThat(answered.body().get("state").asString()).isEqualTo("ANSWERED");
        assertThat(answered.body().get("answeredBy").asString()).isEqualTo("sup.wang");
        assertThat(answered.body().get("answerSummary").asString()).isEqualTo("wiring fault confirmed; technician comes Tuesday");
        assertThat(answered.body().get("answeredLate").asBoolean()).isFalse();
        assertThat(Instant.parse(answered.body().get("answeredAt").asString())).isBeforeOrEqualTo(Instant.now());
        assertThat(timeline(id)).anyMatch(e -> "REPLY_GIVEN".equals(e.get("type").asString())
                && "sup.wang".equals(e.get("actor").asString()));
        ConsumerRecord<String, String> event = probe.awaitType("PromisedReplyAnswered", id, Duration.ofSeconds(30));
        assertThat(EventContracts.load().validate(EventProbe.header(event, "ce_type"), event.value())).isEmpty();

        var again = api.post("/api/intake/tickets/" + id + "/promised-reply/answered", Map.of("summary", "again"), desk);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("currentState").asString()).isEqualTo("ANSWERED");
        var never = api.post("/api/intake/tickets/" + register() + "/promised-reply/answered", Map.of("summary", "x"), desk);
        assertThat(never.status()).isEqualTo(409);
        assertThat(never.body().get("currentState").asString()).isEqualTo("NONE");
    }

    @Test
    @DisplayName("INT-25 open promises are listed by due time, overdue first; overdue=true lists only the overdue")
    void INT25_overdueListing() {
        String soon = register();
        String later = register();
        promise(later, Instant.now().plus(5, ChronoUnit.DAYS), "PROMISED_BY_US", desk, Map.of());
        promise(soon, Instant.now().plusSeconds(2), "PROMISED_BY_US", desk, Map.of());

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(ticketIds(api.get("/api/intake/promised-replies?overdue=true&size=200", desk).body()))
                        .contains(soon));
        JsonNode overdue = api.get("/api/intake/promised-replies?overdue=true&size=200", token("mgr.chen", "MANAGER")).body();
        assertThat(ticketIds(overdue)).doesNotContain(later);
        assertThat(overdue.get("items").valueStream()).allMatch(r -> r.get("overdue").asBoolean());

        JsonNode notOverdue = api.get("/api/intake/promised-replies?overdue=false&size=200", desk).body();
        assertThat(ticketIds(notOverdue)).contains(later).doesNotContain(soon);

        JsonNode all = api.get("/api/intake/promised-replies?size=200", desk).body();
        List<Instant> due = all.get("items").valueStream().map(r -> Instant.parse(r.get("replyBy").asString())).toList();
        assertThat(due).isSorted();
        List<String> ids = ticketIds(all);
        assertThat(ids.indexOf(soon)).isLessThan(ids.indexOf(later));
    }

    @Test
    @DisplayName("INT-25 a reply promised in the past names replyBy; no promise yet is 404; terminal ticket 409")
    void INT25_pastReplyByAndState() {
        String id = register();
        var past = promise(id, Instant.now().minusSeconds(60), "PROMISED_BY_US", desk, Map.of());
        assertThat(past.status()).isEqualTo(400);
        assertThat(fields(past.body())).containsExactly("replyBy");

        assertThat(api.get("/api/intake/tickets/" + id + "/promised-reply", desk).status()).isEqualTo(404);

        api.post("/api/intake/tickets/" + id + "/cancel", Map.of("reason", "withdrawn"), desk);
        var cancelled = promise(id, Instant.now().plusSeconds(3600), "PROMISED_BY_US", desk, Map.of());
        assertThat(cancelled.status()).isEqualTo(409);
        assertThat(cancelled.body().get("currentState").asString()).isEqualTo("CANCELLED");
    }

    private static List<String> ticketIds(JsonNode page) {
        return page.get("items").valueStream().map(r -> r.get("ticketId").asString()).toList();
    }
}
