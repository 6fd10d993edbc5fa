package com.opensvc.aftersales.parts.ledger;

import java.util.List;

/**
 * PRT-02: the operators' check that every stock row is its ledger: on hand = Σ movements in − Σ movements out per
 * location and part, and nothing negative.
 *
 * @param consistent       no pair differs
 * @param checkedPairs     the (location, part) pairs that have a stock row or a movement
 * @param differenceCount  how many pairs differ, all of them
 * @param truncated        true when {@code differences} holds only the first {@code limit} of them
 * @param differences      the differing pairs in location and part order, at most {@code limit}
 */
public record StockConsistency(boolean consistent, long checkedPairs, long differenceCount, boolean truncated,
                               List<Difference> differences) {

    /** What is wrong with one pair. */
    public enum Problem {
        /** On hand is not the sum of the pair's ledger movements (or the ledger has movements and there is no row). */
        ON_HAND_NOT_LEDGER_SUM,
        /** On hand is below zero. */
        NEGATIVE_ON_HAND,
        /** Available (on hand − reserved) is below zero. */
        NEGATIVE_AVAILABLE
    }

    /**
     * One pair that differs.
     *
     * @param onHand        from the stock row (0 when the ledger has movements but there is no row)
     * @param ledgerBalance Σ movements into the location − Σ movements out of it, for the part
     */
    public record Difference(String location, String partNumber, int onHand, int reserved, int available,
                             long ledgerBalance, List<Problem> problems) {
    }
}
