package com.opensvc.aftersales.quality.alert;

/** QLT-06: which threshold the failures exceeded (COUNT when both did). */
public enum AlertBasis {
    COUNT, RATE
}
