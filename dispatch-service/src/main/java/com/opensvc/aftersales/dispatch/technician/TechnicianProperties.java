package com.opensvc.aftersales.dispatch.technician;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** DSP-02: the company's zone, where "today" of a technician's daily capacity begins. */
@ConfigurationProperties("aftersales.dispatch.technicians")
public record TechnicianProperties(@DefaultValue("Asia/Shanghai") ZoneId zone) {
}
