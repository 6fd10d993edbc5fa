package com.opensvc.aftersales.quality.newproduct;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * QLT-07 new-product watch.
 *
 * @param watchPeriod       how long after its launch a model is watched (every failure reported)
 * @param zone              the company zone: a failure's calendar day decides whether it fell in the watch
 * @param reportJobEnabled  false leaves the monthly survey-report job unscheduled (tests drive it)
 * @param reportJobInterval how often every replica checks whether last month's survey reports are kept
 */
@ConfigurationProperties("aftersales.quality.new-product")
public record NewProductProperties(@DefaultValue("P3M") Period watchPeriod,
                                   @DefaultValue("Asia/Shanghai") ZoneId zone,
                                   @DefaultValue("true") boolean reportJobEnabled,
                                   @DefaultValue("PT15M") Duration reportJobInterval) {
}
