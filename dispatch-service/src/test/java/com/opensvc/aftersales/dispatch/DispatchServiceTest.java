package com.opensvc.aftersales.dispatch;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

import com.opensvc.aftersales.testkit.EmbeddedPlatform;

/** The dispatch service on real PostgreSQL, Kafka and its Debezium relay (started once per test JVM). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EmbeddedPlatform(services = "dispatch")
@SpringBootTest(classes = DispatchApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + DispatchApplication.CONFIG_NAME,
                // tests run the visit clock job themselves, with an explicit time
                "aftersales.dispatch.clocks.evaluation-enabled=false",
                // and the maintenance order generation, with an explicit day
                "aftersales.dispatch.maintenance.generation-enabled=false",
                // DSP-02: the policy per region, for the assignment tests' own regions (everywhere else §11's default)
                "aftersales.dispatch.policy-by-region.AUTOLAND=AUTOMATIC",
                "aftersales.dispatch.policy-by-region.POOLLAND=OPEN_POOL"})
public @interface DispatchServiceTest {
}
