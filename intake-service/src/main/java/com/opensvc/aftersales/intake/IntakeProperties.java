package com.opensvc.aftersales.intake;

import java.time.ZoneId;
import java.util.Set;

import com.opensvc.aftersales.intake.ticket.Channel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * @param zone             the company's time zone: "today" for entitlement and ticket-number years is taken there
 * @param qualityChannels  channels whose tickets quality must report on (INT-05 defaults)
 */
@Validated
@ConfigurationProperties("aftersales.intake")
public record IntakeProperties(
        @DefaultValue("UTC") @NotNull ZoneId zone,
        @DefaultValue({"EMAIL", "FAX", "LETTER", "MAIL_IN_ITEM", "WALK_IN", "INSPECTION", "INTERNAL_REFERRAL"})
        Set<Channel> qualityChannels) {
}
