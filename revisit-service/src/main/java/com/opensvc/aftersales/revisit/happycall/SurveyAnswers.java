package com.opensvc.aftersales.revisit.happycall;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** REV-04: the happy-call questions. */
public record SurveyAnswers(@NotNull Satisfaction serviceQuality, @NotNull Satisfaction technicalSkill,
                            @NotNull Boolean chargeReasonable, @NotNull Satisfaction punctuality,
                            @NotNull Satisfaction overall, @Size(max = 2000) String comment) {
}
