package com.opensvc.aftersales.quality.alert;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.opensvc.aftersales.quality.defect.DefectLogged;

import lombok.RequiredArgsConstructor;

/**
 * QLT-06: every field failure counts for its model and failure mode, in the recording transaction. A failure is a
 * closed repair's record; the defective part returned from that repair (PRT-04) is the same failure again and does
 * not count twice.
 */
@Component
@RequiredArgsConstructor
class TrendFailureListener {
    private static final String REPAIR_CLOSED = "REPAIR_CLOSED";
    private final AlertService alerts;

    @EventListener
    void defectLogged(DefectLogged logged) {
        if (!REPAIR_CLOSED.equals(logged.source())) {
            return;
        }
        alerts.failureLogged(logged);
    }
}
