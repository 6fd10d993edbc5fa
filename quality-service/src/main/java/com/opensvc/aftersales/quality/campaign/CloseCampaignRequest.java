package com.opensvc.aftersales.quality.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** QLT-08: what the campaign achieved, when quality closes it. */
public record CloseCampaignRequest(
        @NotBlank @Size(max = 4000) @Pattern(regexp = Text.LINES, message = Text.MESSAGE) String summary) {
}
