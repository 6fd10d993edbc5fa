package com.opensvc.aftersales.quality.campaign;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * QLT-08 defect campaigns.
 *
 * @param zone                      the company zone whose calendar year numbers campaigns ({@code QC-<yyyy>-<seq>})
 * @param defaultContactWithinHours the contact window when a launch names none (24 hours, INT-17)
 */
@Validated
@ConfigurationProperties("aftersales.quality.campaign")
public record CampaignProperties(@DefaultValue("Asia/Shanghai") @NotNull ZoneId zone,
                                 @DefaultValue("24") @Min(1) @Max(720) int defaultContactWithinHours) {
}
