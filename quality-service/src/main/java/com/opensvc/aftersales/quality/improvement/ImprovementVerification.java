package com.opensvc.aftersales.quality.improvement;

import java.time.Instant;

/** The verification of one round of actions: effective or not, on what evidence, and by whom. */
public record ImprovementVerification(int round, boolean effective, String result, String evidence,
                                      String verifiedBy, Instant verifiedAt) {
}
