package com.opensvc.aftersales.quality.alert;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.opensvc.aftersales.quality.defect.DefectLogged;

import lombok.RequiredArgsConstructor;

/** QLT-06: every defect record counts for its model and failure mode, in the recording transaction. */
@Component
@RequiredArgsConstructor
class DefectLoggedListener {
    private final AlertService alerts;

    @EventListener
    void defectLogged(DefectLogged logged) {
        alerts.failureLogged(logged);
    }
}
