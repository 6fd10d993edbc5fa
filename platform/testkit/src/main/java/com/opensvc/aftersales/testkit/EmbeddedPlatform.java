package com.opensvc.aftersales.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against real infrastructure, started once per test JVM and shared: PostgreSQL with
 * logical decoding, a KRaft Kafka broker, a JWKS issuer, and per named service its database (migrated)
 * and its Debezium outbox relay with the service's production connector properties.
 * <p>
 * Spring contexts pick the infrastructure up from system properties: {@code spring.kafka.bootstrap-servers},
 * {@code spring.datasource.url} (the first service's database) and the JWT issuer settings.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag(EmbeddedPlatform.TAG)
@ExtendWith(EmbeddedPlatformExtension.class)
public @interface EmbeddedPlatform {
    /** The tag of tests on the platform: {@code ./mvnw test} leaves them out, {@code ./mvnw verify} runs them. */
    String TAG = "platform";

    /** Service names, e.g. "intake": database {@code intake}, migrations {@code db/migration/intake}. */
    String[] services();
}
