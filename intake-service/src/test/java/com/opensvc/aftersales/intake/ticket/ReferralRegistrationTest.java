package com.opensvc.aftersales.intake.ticket;

import static com.opensvc.aftersales.intake.Tickets.fields;
import static com.opensvc.aftersales.intake.Tickets.phoneTicket;
import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.intake.IntakeServiceTest;
import com.opensvc.aftersales.intake.Tickets;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * INT-01 QLT-03: a failure forwarded by sales or another department is registered as an INTERNAL_REFERRAL naming
 * who referred it; the ticket shows the referrer and TicketRegistered and TicketAccepted carry it, so that quality can
 * answer each salesperson's reported failures early the next month.
 */
@IntakeServiceTest
@ProbeTopics("aftersales.intake.ticket")
class ReferralRegistrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RestApi api;
    private final String desk = token("desk.li", "FRONT_DESK");
    private final String quality = token("qe.sun", "QUALITY");

    private static Map<String, Object> referral(String serial, Object referredBy) {
        Map<String, Object> body = new HashMap<>(phoneTicket(serial, Tickets.today().toString()));
        body.put("channel", "INTERNAL_REFERRAL");
        body.put("referredBy", referredBy);
        return body;
    }

    @Test
    @DisplayName("QLT-03 INT-01 the referrer is kept on the ticket and travels on TicketRegistered and TicketAccepted")
    void QLT03_referrerOnTheTicketAndItsEvents(EventProbe probe) {
        var response = api.post("/api/intake/tickets", referral("AC-" + UUID.randomUUID(),
                Map.of("name", "  刘娜 ", "department", "SALES")), desk);

        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        String id = response.body().get("id").asString();
        JsonNode shown = api.get("/api/intake/tickets/" + id, quality).body();
        assertThat(shown.get("channel").asString()).isEqualTo("INTERNAL_REFERRAL");
        assertThat(shown.get("referredBy").get("name").asString()).as("kept without surrounding blanks").isEqualTo("刘娜");
        assertThat(shown.get("referredBy").get("department").asString()).isEqualTo("SALES");
        assertThat(shown.get("qualityMustReport").asBoolean()).as("INT-05 quality reports on a referral").isTrue();

        ConsumerRecord<String, String> registered = probe.awaitType("TicketRegistered", id, Duration.ofSeconds(30));
        assertThat(EventContracts.load().validate(EventProbe.header(registered, "ce_type"), registered.value())).isEmpty();
        JsonNode registeredBy = JSON.readTree(registered.value()).get("referredBy");
        assertThat(registeredBy.get("name").asString()).isEqualTo("刘娜");
        assertThat(registeredBy.get("department").asString()).isEqualTo("SALES");

        var accepted = api.post("/api/intake/tickets/" + id + "/accept", null, desk);
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(200);
        ConsumerRecord<String, String> acceptedEvent = probe.awaitType("TicketAccepted", id, Duration.ofSeconds(30));
        assertThat(EventContracts.load().validate(EventProbe.header(acceptedEvent, "ce_type"), acceptedEvent.value()))
                .isEmpty();
        JsonNode acceptedBy = JSON.readTree(acceptedEvent.value()).get("referredBy");
        assertThat(acceptedBy.get("name").asString()).isEqualTo("刘娜");
        assertThat(acceptedBy.get("department").asString()).isEqualTo("SALES");
    }

    @Test
    @DisplayName("QLT-03 INT-01 a ticket from another channel has no referrer: null on the ticket and its events")
    void QLT03_otherChannelsHaveNoReferrer(EventProbe probe) {
        var response = api.post("/api/intake/tickets", phoneTicket("AC-" + UUID.randomUUID(), Tickets.today().toString()),
                desk);
        assertThat(response.status()).isEqualTo(201);
        String id = response.body().get("id").asString();
        assertThat(response.body().get("referredBy").isNull()).isTrue();

        ConsumerRecord<String, String> registered = probe.awaitType("TicketRegistered", id, Duration.ofSeconds(30));
        assertThat(EventContracts.load().validate(EventProbe.header(registered, "ce_type"), registered.value())).isEmpty();
        assertThat(JSON.readTree(registered.value()).path("referredBy").isNull()).isTrue();
        api.post("/api/intake/tickets/" + id + "/accept", null, desk);
        ConsumerRecord<String, String> accepted = probe.awaitType("TicketAccepted", id, Duration.ofSeconds(30));
        assertThat(EventContracts.load().validate(EventProbe.header(accepted, "ce_type"), accepted.value())).isEmpty();
        assertThat(JSON.readTree(accepted.value()).path("referredBy").isNull()).isTrue();
    }

    @Test
    @DisplayName("INT-01 QLT-03 a referral without its referrer, or a referrer on a PHONE ticket, is refused naming referredBy; nothing is registered")
    void INT01_referrerFitsTheChannel() {
        String serial = "AC-" + UUID.randomUUID();
        Map<String, Object> noReferrer = referral(serial, null);
        noReferrer.remove("referredBy");
        var missing = api.post("/api/intake/tickets", noReferrer, desk);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(fields(missing.body())).containsExactly("referredBy");

        Map<String, Object> phone = new HashMap<>(phoneTicket(serial, Tickets.today().toString()));
        phone.put("referredBy", Map.of("name", "Liu Na", "department", "SALES"));
        var refused = api.post("/api/intake/tickets", phone, desk);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused.body())).containsExactly("referredBy");

        assertThat(api.get("/api/intake/tickets?serialNumber=" + serial, desk).body().get("totalItems").asLong())
                .as("neither request registered a ticket").isZero();
    }
}
