package com.opensvc.aftersales.quality.improvement;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param zone the zone whose calendar day decides whether an action's due date is in the past */
@ConfigurationProperties("aftersales.quality.improvement")
public record ImprovementReportProperties(@DefaultValue("UTC") ZoneId zone) {
}
