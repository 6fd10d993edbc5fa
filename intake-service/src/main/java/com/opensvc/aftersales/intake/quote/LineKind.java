package com.opensvc.aftersales.intake.quote;

public enum LineKind {
    PART, LABOUR, TRAVEL
}
