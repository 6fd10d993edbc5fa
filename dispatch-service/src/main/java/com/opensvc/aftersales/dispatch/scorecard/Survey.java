package com.opensvc.aftersales.dispatch.scorecard;

/**
 * What dispatch reads of a revisit's optional {@code survey} (REV-04, REV-07 → DSP-10): each answer may be absent
 * (revisits before the full survey carry none).
 */
public record Survey(Satisfaction serviceQuality, Satisfaction technicalSkill, Boolean chargeReasonable,
                     Satisfaction punctuality, Satisfaction overall) {
    static final Survey NONE = new Survey(null, null, null, null, null);

    static Survey orNone(Survey survey) {
        return survey == null ? NONE : survey;
    }

    static Integer score(Satisfaction answer) {
        return answer == null ? null : answer.score();
    }
}
