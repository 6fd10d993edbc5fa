package com.opensvc.aftersales.quality.improvement;

import java.time.Instant;

/** The verification of one round of actions: effective or not, and by whom. */
public record ImprovementVerification(int round, boolean effective, String result, String verifiedBy,
                                      Instant verifiedAt) {
}
