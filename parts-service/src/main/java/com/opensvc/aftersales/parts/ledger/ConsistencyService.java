package com.opensvc.aftersales.parts.ledger;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * PRT-02: compares every stock row with its ledger, from one snapshot (the counts and the differences agree). The
 * last check's count of differing pairs is the gauge {@code parts.stock.consistency.differences} (-1 before the first
 * check), and each check counts in {@code parts.stock.consistency.checks}: an alert can watch the gauge after a
 * scheduled call of the endpoint. The check reads the whole ledger; it is an operator's tool, not a hot path.
 */
@Service
public class ConsistencyService {
    private final LedgerRepository ledger;
    private final AtomicLong lastDifferences = new AtomicLong(-1);
    private final Counter checks;

    public ConsistencyService(LedgerRepository ledger, MeterRegistry meters) {
        this.ledger = ledger;
        Gauge.builder("parts.stock.consistency.differences", lastDifferences, AtomicLong::get)
                .description("Stock pairs whose on hand differed from the ledger at the last consistency check")
                .register(meters);
        this.checks = Counter.builder("parts.stock.consistency.checks")
                .description("Consistency checks of stock against the ledger").register(meters);
    }

    /** @param limit how many differing pairs to list at most (all are counted) */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public StockConsistency check(int limit) {
        LedgerRepository.Counts counts = ledger.counts();
        List<StockConsistency.Difference> differences = counts.differing() == 0 ? List.of() : ledger.differences(limit);
        lastDifferences.set(counts.differing());
        checks.increment();
        return new StockConsistency(counts.differing() == 0, counts.pairs(), counts.differing(),
                counts.differing() > differences.size(), differences);
    }
}
