package com.opensvc.aftersales.quality.improvement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * QLT-05: the verification of effectiveness of the assigned actions: the result and the evidence it rests on (the
 * samples checked, field data, the period observed).
 */
public record VerificationRequest(@NotNull Boolean effective,
                                  @NotBlank @Size(max = 4000) @Pattern(regexp = Text.LINES, message = Text.MESSAGE) String result,
                                  @NotBlank @Size(max = 4000) @Pattern(regexp = Text.LINES, message = Text.MESSAGE) String evidence) {
}
