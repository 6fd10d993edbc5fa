package com.opensvc.aftersales.quality.defect;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param analysisWithin QLT-02: a returned product or part is analysed within this time of its receipt
 * @param zone           the company zone: the defect list's from/to dates are its whole days
 */
@ConfigurationProperties("aftersales.quality.defect")
public record DefectProperties(@DefaultValue("P7D") Duration analysisWithin,
                               @DefaultValue("Asia/Shanghai") ZoneId zone) {
}
