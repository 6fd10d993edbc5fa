package com.opensvc.aftersales.quality.installedbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.opensvc.aftersales.quality.QualityServiceTest;
import com.opensvc.aftersales.quality.ticketfact.TicketFacts;
import com.opensvc.aftersales.testkit.EventSender;

@QualityServiceTest
class InstalledBaseFlowTest {
    private static final String TOPIC = "aftersales.intake.ticket";
    @Autowired
    private InstalledBase installedBase;
    @Autowired
    private TicketFacts ticketFacts;

    @Test
    @DisplayName("QLT-06 QLT-08 quality counts the installed base per model from intake's events; a stale version never wins")
    void QLT06_installedBaseFromEvents(EventSender sender) {
        String model = "IB-" + UUID.randomUUID().toString().substring(0, 8);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        sender.send(TOPIC, first.toString(), "InstalledProductRecorded", "intake-service",
                recorded(first, 2, model, "S-0002", "2026-05-04", "B-2605"));
        sender.send(TOPIC, first.toString(), "InstalledProductRecorded", "intake-service",
                recorded(first, 1, model, "S-0001", "2026-05-01", null));
        sender.send(TOPIC, second.toString(), "InstalledProductRecorded", "intake-service",
                recorded(second, 1, model, "S-0100", "2026-07-01", null));

        await().atMost(Duration.ofSeconds(30)).until(() -> installedBase.count(model) == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> installedBase.find(second).isPresent());
        InstalledUnit unit = installedBase.find(model, "S-0002").orElseThrow();
        assertThat(unit.version()).isEqualTo(2);
        assertThat(unit.productionBatch()).isEqualTo("B-2605");
        assertThat(unit.components()).extracting(InstalledUnit.Component::partNumber).containsExactly("CMP-100");
        assertThat(installedBase.find(model, "S-0001")).isEmpty();
        assertThat(installedBase.countAffected(model, "S-0000", "S-0050", null, null)).isEqualTo(1);
        assertThat(installedBase.countAffected(model, null, null, LocalDate.parse("2026-06-01"), null)).isEqualTo(1);
        assertThat(installedBase.firstShipDate(model)).contains(LocalDate.parse("2026-05-04"));
    }

    @Test
    @DisplayName("QLT-03 quality keeps a ticket's kind, channel, referrer, customer and region from intake's events")
    void QLT03_ticketFactsFromEvents(EventSender sender) {
        UUID ticket = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        sender.send(TOPIC, ticket.toString(), "TicketRegistered", "intake-service", """
                {"ticketId":"%s","ticketNumber":"T-1","channel":"INTERNAL_REFERRAL","serviceType":"ON_SITE",
                 "productModel":"M-1","entitlement":"FREE_REPAIR","kind":"SERVICE_REQUEST",
                 "referredBy":{"name":"sales.li","department":"SALES"},"actor":"desk","occurredAt":"2026-11-02T01:00:00Z"}
                """.formatted(ticket));
        sender.send(TOPIC, ticket.toString(), "TicketAccepted", "intake-service", """
                {"ticketId":"%s","ticketNumber":"T-1","serviceType":"ON_SITE","entitlement":"FREE_REPAIR",
                 "customerRegion":"EAST","productLine":"AC","productModel":"M-1","serialNumber":"S-1",
                 "expectedParts":[],"priority":"NORMAL","qualityMustReport":false,"customerId":"%s",
                 "actor":"desk","occurredAt":"2026-11-02T02:00:00Z"}
                """.formatted(ticket, customer));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> ticketFacts.find(ticket).map(f -> f.acceptedAt() != null && f.registeredAt() != null)
                        .orElse(false));
        var fact = ticketFacts.find(ticket).orElseThrow();
        assertThat(fact.referredByName()).isEqualTo("sales.li");
        assertThat(fact.channel()).isEqualTo("INTERNAL_REFERRAL");
        assertThat(fact.region()).isEqualTo("EAST");
        assertThat(fact.customerId()).isEqualTo(customer);
        assertThat(fact.serialNumber()).isEqualTo("S-1");
    }

    private static String recorded(UUID id, int version, String model, String serial, String shipDate, String batch) {
        String record = batch == null ? "null" : """
                {"productionBatch":"%s","inspectedOn":"2026-04-30","inspector":"qc.wang",
                 "components":[{"partNumber":"CMP-100","serialNumber":"C-1","factoryDate":"2026-04-20"}]}
                """.formatted(batch);
        return """
                {"installedProductId":"%s","version":%d,"customerId":"%s","productModel":"%s","serialNumber":"%s",
                 "factoryDate":"%s","shipDate":"%s","productionRecord":%s,"actor":"desk","occurredAt":"2026-11-01T00:00:00Z"}
                """.formatted(id, version, UUID.randomUUID(), model, serial, shipDate, shipDate, record);
    }
}
