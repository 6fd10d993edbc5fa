package com.opensvc.aftersales.intake;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

import com.opensvc.aftersales.testkit.EmbeddedPlatform;

/** The intake service on real PostgreSQL, Kafka and its Debezium relay (started once per test JVM). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EmbeddedPlatform(services = "intake")
@SpringBootTest(classes = IntakeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the SLA tests drive the evaluation job themselves, with the instant they need
        properties = {"spring.config.name=" + IntakeApplication.CONFIG_NAME, "aftersales.intake.sla.job-enabled=false"})
public @interface IntakeServiceTest {
}
