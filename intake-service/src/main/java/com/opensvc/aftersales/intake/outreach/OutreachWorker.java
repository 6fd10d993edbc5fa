package com.opensvc.aftersales.intake.outreach;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.support.PeriodicTrigger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.opensvc.aftersales.intake.IntakeProperties;
import com.opensvc.aftersales.intake.ticket.OutreachTickets;
import com.opensvc.aftersales.intake.ticket.TicketService;
import com.opensvc.aftersales.jobs.RecurringJob;
import com.opensvc.aftersales.messaging.OutboxWriter;

import lombok.RequiredArgsConstructor;

/**
 * Creates the outreach tickets of received campaigns (INT-17) off the Kafka listener's thread, one batch per
 * transaction. Safe with several replicas: each batch claims its campaign with FOR UPDATE SKIP LOCKED; the tickets
 * and the campaign's cursor commit together, so a crash loses at most the batch in flight, which is redone.
 */
@Component
@RequiredArgsConstructor
public class OutreachWorker {
    private static final Logger log = LoggerFactory.getLogger(OutreachWorker.class);

    private final OutreachRepository campaigns;
    private final TicketService tickets;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final OutreachProperties properties;
    private final IntakeProperties intake;
    private final Clock clock;

    /** Every replica polls; each batch claims its campaign, so they share the work. */
    @Configuration(proxyBeanMethods = false)
    static class Schedule {
        @Bean
        RecurringJob outreachTickets(OutreachWorker worker, OutreachProperties properties) {
            return new RecurringJob("outreach tickets", true, new PeriodicTrigger(properties.pollInterval()),
                    worker::createPendingOutreachTickets);
        }
    }

    public void createPendingOutreachTickets() {
        while (Boolean.TRUE.equals(transactions.execute(tx -> nextBatch(properties.batchSize())))) {
            // one transaction per batch until no campaign is left to work on
        }
    }

    /** One batch of one open campaign, in the caller's transaction; false when there was nothing to do. */
    boolean nextBatch(int size) {
        var open = campaigns.claimOpen();
        if (open.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        var campaign = open.get().campaign();
        OutreachTickets.Batch batch = tickets.openOutreachTickets(campaign.outreachTickets(), open.get().lastSerial(),
                size, LocalDate.ofInstant(now, intake.zone()), now);
        boolean completed = batch.picked() < size;
        int total = campaigns.advance(campaign.campaignId(), batch, completed, now);
        if (completed) {
            outbox.append(new OutreachTicketsOpened(campaign.campaignId(), campaign.campaignNumber(),
                    campaign.productModel(), total, campaign.contactDueAt(), "system:intake-outreach", now));
            log.info("Defect campaign {} ({}): {} outreach tickets, contact due {}", campaign.campaignId(),
                    campaign.campaignNumber(), total, campaign.contactDueAt());
        }
        return true;
    }
}
