package com.opensvc.aftersales.quality.improvement;

import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param zone                 the zone whose calendar day decides whether an action's due date is in the past, and
 *                             whether an action is overdue (quality.yml sets the company zone, Asia/Shanghai)
 * @param attachmentMaxSize    the largest attachment (photo or other file) of a report's problem
 * @param attachmentTypes      the types an attachment may have, as its magic bytes show (image/jpeg, image/png,
 *                             image/webp, application/pdf are recognised)
 * @param attachmentMaxCount   the most attachments one report holds
 */
@ConfigurationProperties("aftersales.quality.improvement")
public record ImprovementReportProperties(@DefaultValue("UTC") ZoneId zone,
                                          @DefaultValue("10MB") DataSize attachmentMaxSize,
                                          @DefaultValue({"image/jpeg", "image/png", "image/webp", "application/pdf"})
                                          List<String> attachmentTypes,
                                          @DefaultValue("20") int attachmentMaxCount) {
}
