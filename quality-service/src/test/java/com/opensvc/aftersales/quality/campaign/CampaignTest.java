package com.opensvc.aftersales.quality.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.StateConflictException;

/** QLT-08: the campaign's rules without Spring. */
class CampaignTest {
    private static final Instant NOW = Instant.parse("2026-03-05T09:00:00Z");

    private static LaunchCampaignRequest request(String serialFrom, String serialTo, LocalDate from, LocalDate to) {
        return new LaunchCampaignRequest(" WH-80 ", serialFrom, serialTo, from, to, " Thermostat drift ", " ", null,
                null);
    }

    @Test
    @DisplayName("QLT-08 INT-17 a launch publishes DefectCampaignLaunched with the ranges and the contact window; outreach is due at launch + window")
    void QLT08_launch() {
        UUID id = UUID.randomUUID();
        CampaignChange change = Campaign.launch(id, "QC-2026-001",
                request(null, null, LocalDate.of(2025, 11, 3), LocalDate.of(2025, 11, 7)).normalised(), 24, "qe.sun", NOW);
        Campaign c = change.campaign();
        assertThat(c.state()).isEqualTo(CampaignState.LAUNCHED);
        assertThat(c.productModel()).isEqualTo("WH-80");
        assertThat(c.actionToTake()).as("blank optional text is absent").isNull();
        assertThat(c.outreachDueBy()).isEqualTo(Instant.parse("2026-03-06T09:00:00Z"));
        assertThat(change.events()).singleElement().isInstanceOfSatisfying(CampaignEvent.DefectCampaignLaunched.class, e -> {
            assertThat(e.aggregateId()).isEqualTo(id);
            assertThat(e.aggregateType()).isEqualTo("quality.defect");
            assertThat(e.factoryDateFrom()).isEqualTo(LocalDate.of(2025, 11, 3));
            assertThat(e.contactWithinHours()).isEqualTo(24);
            assertThat(e.campaignNumber()).isEqualTo("QC-2026-001");
        });
        assertThat(c.overdueAt(Instant.parse("2026-03-06T09:00:00Z"))).as("at the deadline: not yet").isFalse();
        assertThat(c.overdueAt(Instant.parse("2026-03-06T09:00:01Z"))).isTrue();
    }

    @Test
    @DisplayName("QLT-08 one open end of a range is enough; no range, or an inverted one, is refused naming the field")
    void QLT08_ranges() {
        assertThat(request("A-1", null, null, null).normalised().serialFrom()).isEqualTo("A-1");
        assertThat(request(null, null, null, LocalDate.of(2025, 1, 1)).normalised().factoryDateTo()).isNotNull();
        assertThat(request("A-1", "A-1", null, null).normalised().serialTo()).as("one serial").isEqualTo("A-1");
        assertThatThrownBy(() -> request(" ", "", null, null).normalised()).isInstanceOfSatisfying(
                InvalidFieldException.class, e -> assertThat(e.errors()).extracting(InvalidFieldException.FieldError::field)
                        .containsExactly("serialFrom"));
        assertThatThrownBy(() -> request("B", "A", LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 1)).normalised())
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.errors())
                        .extracting(InvalidFieldException.FieldError::field).containsExactly("serialFrom", "factoryDateFrom"));
    }

    @Test
    @DisplayName("QLT-08 LAUNCHED → OUTREACH_OPENED → CLOSED; closing before the outreach, or twice, is a 409 naming the state")
    void QLT08_states() {
        Campaign launched = Campaign.launch(UUID.randomUUID(), "QC-2026-002", request("A", "B", null, null).normalised(),
                48, "qe.sun", NOW).campaign();
        assertThatThrownBy(() -> launched.close("done", "qe.sun", NOW)).isInstanceOfSatisfying(
                StateConflictException.class, e -> assertThat(e.currentState()).isEqualTo("LAUNCHED"));
        Campaign opened = launched.outreachOpened(12, NOW.plusSeconds(3600), NOW.plusSeconds(60)).campaign();
        assertThat(opened.state()).isEqualTo(CampaignState.OUTREACH_OPENED);
        assertThat(opened.ticketCount()).isEqualTo(12);
        assertThat(opened.overdueAt(NOW.plusSeconds(10 * 86_400))).as("outreach opened: never overdue").isFalse();
        assertThatThrownBy(() -> opened.outreachOpened(12, NOW, NOW)).isInstanceOf(StateConflictException.class);
        Campaign closed = opened.close(" all reached ", "qe.wang", NOW.plusSeconds(7200)).campaign();
        assertThat(closed.state()).isEqualTo(CampaignState.CLOSED);
        assertThat(closed.summary()).isEqualTo("all reached");
        assertThat(closed.closedBy()).isEqualTo("qe.wang");
        assertThat(closed.version()).isEqualTo(3);
        assertThatThrownBy(() -> closed.close("again", "qe.sun", NOW)).isInstanceOfSatisfying(
                StateConflictException.class, e -> assertThat(e.currentState()).isEqualTo("CLOSED"));
    }
}
