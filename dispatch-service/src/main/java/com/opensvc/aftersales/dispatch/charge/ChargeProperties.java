package com.opensvc.aftersales.dispatch.charge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Pattern;

/**
 * DSP-05 charges.
 *
 * @param currency ISO 4217 code of every charge, payment and collection; the catalogue's prices must be in it (a part
 *                 priced in another currency counts as unpriced). Default CNY, the currency of the sources.
 */
@Validated
@ConfigurationProperties("aftersales.dispatch.charges")
public record ChargeProperties(@DefaultValue("CNY") @Pattern(regexp = "[A-Z]{3}") String currency) {
}
