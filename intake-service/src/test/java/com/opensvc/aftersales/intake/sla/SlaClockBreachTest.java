package com.opensvc.aftersales.intake.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.intake.ticket.TicketService;
import com.opensvc.aftersales.web.StateConflictException;

/** The clock decides its breach (issue 18 keeps the rule in the aggregate while the job writes batches). */
class SlaClockBreachTest {
    private static final Instant DUE = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant NOW = DUE.plus(Duration.ofMinutes(5));
    private final UUID ticket = UUID.randomUUID();

    @Test
    @DisplayName("SLA-06 a running clock past due breaches at the given level: SlaBreached then TicketEscalated, both on the timeline")
    void SLA06_breachesAtLevel() {
        SlaClock running = SlaClock.running(ticket, ClockKind.OPINION, "around-the-clock", DUE.minus(Duration.ofHours(24)), DUE);

        SlaBreach breach = running.breach("T-2026-000001", 2, "system:sla", NOW);

        assertThat(breach.clock().state()).isEqualTo(SlaClock.State.BREACHED);
        assertThat(breach.clock().breachedAt()).isEqualTo(NOW);
        assertThat(breach.clock().level()).isEqualTo(2);
        assertThat(breach.clock().id()).isEqualTo(running.id());
        assertThat(breach.events()).hasSize(2);
        SlaBreached breached = (SlaBreached) breach.events().get(0);
        TicketEscalated escalated = (TicketEscalated) breach.events().get(1);
        assertThat(breached.escalationLevel()).isEqualTo(2);
        assertThat(breached.clock()).isEqualTo("OPINION");
        assertThat(breached.dueAt()).isEqualTo(DUE);
        assertThat(breached.notifyRoles()).isEqualTo(Escalation.rolesFor(2)).contains("TECHNICAL_DIRECTOR");
        assertThat(escalated.level()).isEqualTo(2);
        assertThat(escalated.ticketNumber()).isEqualTo("T-2026-000001");
        assertThat(breach.timeline()).extracting(TicketService.Note::action).containsExactly("SLA_BREACHED", "ESCALATED");
        assertThat(breach.timeline()).allMatch(n -> n.ticketId().equals(ticket) && n.at().equals(NOW));
    }

    @Test
    @DisplayName("SLA-05 a paused clock never breaches")
    void SLA05_pausedNeverBreaches() {
        SlaClock paused = SlaClock.paused(ticket, ClockKind.OPINION, "around-the-clock", DUE, DUE, Duration.ofHours(3));

        assertThatThrownBy(() -> paused.breach("T-2026-000001", 1, "system:sla", NOW))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("PAUSED");
    }

    @Test
    @DisplayName("SLA-06 a clock not yet due does not breach")
    void SLA06_notYetDue() {
        SlaClock running = SlaClock.running(ticket, ClockKind.REVIEW, "around-the-clock", DUE.minus(Duration.ofHours(4)), DUE);

        assertThatThrownBy(() -> running.breach("T-2026-000001", 1, "system:sla", DUE.minusSeconds(1)))
                .isInstanceOf(StateConflictException.class);
        assertThat(running.breach("T-2026-000001", 1, "system:sla", DUE).clock().state()).isEqualTo(SlaClock.State.BREACHED);
    }
}
