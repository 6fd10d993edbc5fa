package com.opensvc.aftersales.dispatch.installation;

import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * DSP-11 installation projects.
 *
 * @param noticeDays     sales notifies after-sales at least this many days before the planned start (DSP-11: 7)
 * @param zone           the company's time zone: "today" for the notice is taken there
 * @param entryChecklist the entry review items a new project's checklist starts with (the seeds' 进场审查单)
 */
@Validated
@ConfigurationProperties("aftersales.dispatch.installation")
public record InstallationProperties(
        @DefaultValue("7") @Min(0) @Max(365) int noticeDays,
        @DefaultValue("UTC") @NotNull ZoneId zone,
        @DefaultValue({"SITE_READY", "DRAWINGS_AND_PLAN", "POWER_SUPPLY", "WATER_AND_DRAINAGE", "ACCESS_AND_TRANSPORT",
                "FOUNDATIONS_AND_MOUNTING", "SAFETY", "CUSTOMER_PERSON_PRESENT"})
        @NotEmpty List<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,63}") String> entryChecklist) {
}
