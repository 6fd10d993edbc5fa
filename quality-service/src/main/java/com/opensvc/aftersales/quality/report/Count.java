package com.opensvc.aftersales.quality.report;

/** One figure of a report section: e.g. failure mode "no cooling", 4 defects. */
public record Count(String key, long count) {
}
