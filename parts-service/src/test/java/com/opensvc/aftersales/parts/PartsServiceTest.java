package com.opensvc.aftersales.parts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

import com.opensvc.aftersales.testkit.EmbeddedPlatform;

/** The parts service on real PostgreSQL, Kafka and its Debezium relay (started once per test JVM). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EmbeddedPlatform(services = "parts")
@SpringBootTest(classes = PartsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + PartsApplication.CONFIG_NAME)
public @interface PartsServiceTest {
}
