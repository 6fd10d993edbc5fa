package com.opensvc.aftersales.quality.newproduct;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.opensvc.aftersales.quality.defect.DefectLogged;

import lombok.RequiredArgsConstructor;

/**
 * In-process, synchronous: a new failure of a watched model is reported in the recording transaction. A failure is a
 * closed repair's record; the defective part returned from that repair (PRT-04) is the same failure, not a new one.
 */
@Component
@RequiredArgsConstructor
class NewProductFailureListener {
    private final NewProductWatch watch;

    @EventListener
    void logged(DefectLogged logged) {
        if ("REPAIR_CLOSED".equals(logged.source())) {
            watch.defectLogged(logged);
        }
    }
}
