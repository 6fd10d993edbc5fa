package com.opensvc.aftersales.quality.improvement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** QLT-05: an action recorded done, with what was done. */
public record CompletionRequest(
        @NotBlank @Size(max = 4000) @Pattern(regexp = Text.LINES, message = Text.MESSAGE) String note) {
}
