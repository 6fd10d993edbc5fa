package com.opensvc.aftersales.dispatch.scorecard;

/**
 * REV-04's four-point scale as the number a scorecard averages (DSP-10): very satisfied 4, satisfied 3, neutral 2,
 * dissatisfied 1 — so an average of 3.5 lies between satisfied and very satisfied.
 */
public enum Satisfaction {
    VERY_SATISFIED(4), SATISFIED(3), NEUTRAL(2), DISSATISFIED(1);

    private final int score;

    Satisfaction(int score) {
        this.score = score;
    }

    public int score() {
        return score;
    }
}
