package com.opensvc.aftersales.intake.quote;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.support.PeriodicTrigger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.opensvc.aftersales.jobs.RecurringJob;

/**
 * INT-08: quotes not fully approved within their validity expire, and their tickets close as
 * DECLINED_PAID_SERVICE. Safe on several replicas at once: each batch claims its quotes with
 * {@code FOR UPDATE SKIP LOCKED} in its own transaction, so each quote is expired by exactly one run.
 */
@Component
public class QuoteExpiryJob {
    static final String ACTOR = "system:quote-expiry";
    private static final Logger log = LoggerFactory.getLogger(QuoteExpiryJob.class);

    private final QuoteRepository quotes;
    private final QuoteService service;
    private final TransactionTemplate transactions;
    private final int batchSize;
    private final Clock clock;

    public QuoteExpiryJob(QuoteRepository quotes, QuoteService service, PlatformTransactionManager transactionManager,
                          QuoteProperties properties, Clock clock) {
        this.quotes = quotes;
        this.service = service;
        this.transactions = new TransactionTemplate(transactionManager);
        this.batchSize = properties.expiryBatchSize();
        this.clock = clock;
    }

    /** Every {@code aftersales.intake.quote.expiry-interval} on every replica. */
    @Bean
    static RecurringJob quoteExpiry(QuoteExpiryJob job, QuoteProperties properties) {
        return new RecurringJob("quote expiry", properties.expiryJobEnabled(),
                new PeriodicTrigger(properties.expiryInterval()), job::expireDue);
    }

    /** @return how many quotes this run expired */
    public int expireDue() {
        int expired = 0;
        while (true) {
            Instant now = clock.instant();
            int[] batch = transactions.execute(tx -> {
                List<QuoteRepository.Due> due = quotes.claimDue(now, batchSize);
                int count = 0;
                for (QuoteRepository.Due quote : due) {
                    if (service.expire(quote, now, ACTOR)) {
                        count++;
                    }
                }
                return new int[] {due.size(), count};
            });
            expired += batch[1];
            if (batch[0] < batchSize) {
                break;
            }
        }
        if (expired > 0) {
            log.info("Expired {} quote(s)", expired);
        }
        return expired;
    }
}
