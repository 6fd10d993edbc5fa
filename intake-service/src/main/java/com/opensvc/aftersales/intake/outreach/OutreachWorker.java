package com.opensvc.aftersales.intake.outreach;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.opensvc.aftersales.intake.IntakeProperties;
import com.opensvc.aftersales.messaging.OutboxWriter;

/**
 * Creates the outreach tickets of received campaigns (INT-17) off the Kafka listener's thread, one batch per
 * transaction. Safe with several replicas: each batch claims its campaign with FOR UPDATE SKIP LOCKED; the tickets
 * and the campaign's cursor commit together, so a crash loses at most the batch in flight, which is redone.
 */
@Component
public class OutreachWorker {
    private static final Logger log = LoggerFactory.getLogger(OutreachWorker.class);

    private final OutreachRepository campaigns;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final OutreachProperties properties;
    private final IntakeProperties intake;
    private final Clock clock;

    public OutreachWorker(OutreachRepository campaigns, OutboxWriter outbox, TransactionTemplate transactions,
                          OutreachProperties properties, IntakeProperties intake, Clock clock) {
        this.campaigns = campaigns;
        this.outbox = outbox;
        this.transactions = transactions;
        this.properties = properties;
        this.intake = intake;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${aftersales.intake.outreach.poll-interval:1s}")
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
        LocalDate today = LocalDate.ofInstant(now, intake.zone());
        var campaign = open.get().campaign();
        var batch = campaigns.createBatch(open.get(), size, today.getYear(), today, now);
        boolean completed = batch.picked() < size;
        int total = campaigns.advance(campaign.campaignId(), batch, completed, now);
        if (completed) {
            outbox.append(OutreachTicketsOpened.AGGREGATE, campaign.campaignId(), "OutreachTicketsOpened", 1,
                    new OutreachTicketsOpened(campaign.campaignId(), campaign.campaignNumber(), campaign.productModel(),
                            total, campaign.contactDueAt(), "system:intake-outreach", now));
            log.info("Defect campaign {} ({}): {} outreach tickets, contact due {}", campaign.campaignId(),
                    campaign.campaignNumber(), total, campaign.contactDueAt());
        }
        return true;
    }
}
