package com.opensvc.aftersales.quality.claim;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param zone the company zone: its calendar year numbers the claims (SC-&lt;yyyy&gt;-&lt;seq&gt;) */
@ConfigurationProperties("aftersales.quality.claim")
public record ClaimProperties(@DefaultValue("Asia/Shanghai") ZoneId zone) {
}
