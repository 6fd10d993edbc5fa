package com.opensvc.aftersales.quality.publication;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param zone the company zone: report periods are its whole days, and instants in downloads are shown in it */
@ConfigurationProperties("aftersales.quality.publication")
public record PublicationProperties(@DefaultValue("Asia/Shanghai") ZoneId zone) {
}
