package com.opensvc.aftersales.quality;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

import com.opensvc.aftersales.testkit.EmbeddedPlatform;

/** The quality service on real PostgreSQL, Kafka and its Debezium relay (started once per test JVM). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EmbeddedPlatform(services = "quality")
@SpringBootTest(classes = QualityApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the alert tests drive the clearing job themselves, with the instant they need
        properties = {"spring.config.name=" + QualityApplication.CONFIG_NAME, "aftersales.quality.alert.job-enabled=false"})
public @interface QualityServiceTest {
}
