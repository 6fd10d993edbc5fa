package com.opensvc.aftersales.revisit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

import com.opensvc.aftersales.testkit.EmbeddedPlatform;

/** The revisit service on real PostgreSQL, Kafka and its Debezium relay (started once per test JVM). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EmbeddedPlatform(services = "revisit")
@SpringBootTest(classes = RevisitApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + RevisitApplication.CONFIG_NAME)
public @interface RevisitServiceTest {
}
