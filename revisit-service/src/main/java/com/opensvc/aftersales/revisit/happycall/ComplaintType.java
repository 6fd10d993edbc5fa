package com.opensvc.aftersales.revisit.happycall;

/**
 * REV-03: what a complaint was about decides how many answered calls its revisit needs. A quality complaint (the
 * product itself) at least two; a service complaint one, and a second when the first answer is neutral.
 */
public enum ComplaintType {
    QUALITY, SERVICE
}
