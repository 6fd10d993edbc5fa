package com.opensvc.aftersales.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

import com.opensvc.aftersales.web.ResourceServerSecurity;

/**
 * A web slice: the named controllers with the platform's security (roles checked before the body is read), bean
 * validation and problem reports, on MockMvc — no database, no Kafka, no platform. For request-shape and role checks
 * (400 naming the field, 401, 403); the controllers' collaborators are {@code @MockitoBean}s that such a check never
 * reaches. Authenticate a request with {@link WebSlice#as(String, String...)}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@ImportAutoConfiguration(ResourceServerSecurity.class)
@Import(WebSlice.Configuration.class)
public @interface WebSliceTest {
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();

    @AliasFor(annotation = WebMvcTest.class, attribute = "properties")
    String[] properties() default {};
}
