package com.opensvc.aftersales.intake.ticket;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The ticket feature's settings, under the service's prefix (the property names predate the feature packages).
 *
 * @param qualityChannels channels whose tickets quality must report on (INT-05 defaults)
 */
@Validated
@ConfigurationProperties("aftersales.intake")
public record TicketProperties(
        @DefaultValue({"EMAIL", "FAX", "LETTER", "MAIL_IN_ITEM", "WALK_IN", "INSPECTION", "INTERNAL_REFERRAL"})
        Set<Channel> qualityChannels) {
}
