package com.opensvc.aftersales.quality.improvement;

public enum ActionKind {
    CORRECTIVE, PREVENTIVE
}
