package com.opensvc.aftersales.quality.newproduct;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.opensvc.aftersales.quality.defect.DefectLogged;

import lombok.RequiredArgsConstructor;

/** In-process, synchronous: a new defect record of a watched model is reported in the recording transaction. */
@Component
@RequiredArgsConstructor
class DefectLoggedListener {
    private final NewProductWatch watch;

    @EventListener
    void logged(DefectLogged logged) {
        watch.defectLogged(logged);
    }
}
