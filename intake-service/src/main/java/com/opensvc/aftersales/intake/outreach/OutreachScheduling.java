package com.opensvc.aftersales.intake.outreach;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link OutreachWorker}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OutreachScheduling {
}
