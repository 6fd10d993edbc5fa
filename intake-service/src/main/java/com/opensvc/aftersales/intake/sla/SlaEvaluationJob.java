package com.opensvc.aftersales.intake.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.support.PeriodicTrigger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.opensvc.aftersales.intake.ticket.TicketService;
import com.opensvc.aftersales.jobs.RecurringJob;
import com.opensvc.aftersales.messaging.OutboxWriter;

import lombok.RequiredArgsConstructor;

/**
 * SLA-06, SLA-07: breaches due clocks and sends reminders before deadlines. Every replica runs it; rows are claimed
 * with {@code FOR UPDATE SKIP LOCKED} in batches, each batch one transaction with its events, so each deadline fires
 * exactly once however many replicas run.
 */
@Component
@RequiredArgsConstructor
public class SlaEvaluationJob {
    static final String ACTOR = "system:sla";
    private static final Logger log = LoggerFactory.getLogger(SlaEvaluationJob.class);

    private final SlaClockRepository clocks;
    private final TicketService tickets;
    private final List<ReminderRecipients> recipients;
    private final OutboxWriter outbox;
    private final SlaProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    /** Every {@code aftersales.intake.sla.evaluation-interval} on every replica (SLA-07). */
    @Bean
    static RecurringJob slaEvaluation(SlaEvaluationJob job, SlaProperties properties) {
        return new RecurringJob("SLA evaluation", properties.jobEnabled(),
                new PeriodicTrigger(properties.evaluationInterval()), job::run);
    }

    /** One run at the current time. */
    public int run() {
        return evaluate(clock.instant());
    }

    /** Breaches every clock due by {@code now} and sends due reminders; returns the number of breaches. */
    public int evaluate(Instant now) {
        int breached = 0;
        int batch;
        do {
            batch = transactions.execute(tx -> breachBatch(now));
            breached += batch;
        } while (batch == properties.batchSize());
        int reminded;
        do {
            reminded = transactions.execute(tx -> remindBatch(now));
        } while (reminded == properties.batchSize());
        if (breached > 0) {
            log.info("SLA evaluation at {}: {} deadline(s) breached", now, breached);
        }
        return breached;
    }

    /**
     * One batch, set-based (issue 18): one claim, one read of the tickets' numbers and breach counts, each clock
     * decides its breach (the ticket's level rises by one per breached deadline, SLA-06, also within the batch), then
     * one update of the clocks, one insert of the timeline lines and one of the outbox rows.
     */
    private int breachBatch(Instant now) {
        List<SlaClock> due = clocks.claimDue(now, properties.batchSize());
        if (due.isEmpty()) {
            return 0;
        }
        Set<UUID> ticketIds = due.stream().map(SlaClock::ticketId).collect(Collectors.toSet());
        Map<UUID, Integer> levels = clocks.breachesOf(ticketIds);
        Map<UUID, String> numbers = tickets.numbersOf(ticketIds);
        List<SlaBreach> breaches = new ArrayList<>(due.size());
        for (SlaClock overdue : due) {
            int level = levels.merge(overdue.ticketId(), 1, Integer::sum);
            breaches.add(overdue.breach(numbers.get(overdue.ticketId()), level, ACTOR, now));
        }
        clocks.saveBreaches(breaches);
        tickets.noteAll(breaches.stream().flatMap(b -> b.timeline().stream()).toList());
        outbox.appendBatch(breaches.stream().flatMap(b -> b.events().stream()).toList());
        return due.size();
    }

    private int remindBatch(Instant now) {
        List<SlaClock> due = clocks.claimReminders(now, properties.batchSize());
        for (SlaClock soon : due) {
            Optional<String> person = recipients.stream().map(r -> r.personFor(soon.ticketId(), soon.kind()))
                    .flatMap(Optional::stream).findFirst();
            String role = ReminderRecipients.roleFor(soon.kind());
            clocks.recordReminder(soon, person.orElse(null), role, now);
            clocks.reminded(soon.id(), now);
            tickets.note(soon.ticketId(), "SLA_REMINDER", ACTOR, now, soon.kind() + " due " + soon.dueAt()
                    + "; reminded " + person.orElse("role " + role));
        }
        return due.size();
    }
}
