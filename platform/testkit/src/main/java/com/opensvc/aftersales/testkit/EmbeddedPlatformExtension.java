package com.opensvc.aftersales.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Starts (once per JVM) what {@link EmbeddedPlatform} names and publishes its coordinates as system properties. */
public class EmbeddedPlatformExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        EmbeddedPlatform annotation = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), EmbeddedPlatform.class)
                .orElseThrow(() -> new IllegalStateException("@EmbeddedPlatform is missing on " + context.getRequiredTestClass()));
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        for (String service : annotation.services()) {
            infrastructure.ensureService(service);
        }
        System.setProperty("spring.kafka.bootstrap-servers", infrastructure.bootstrapServers());
        System.setProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", infrastructure.issuer().jwkSetUri());
        System.setProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", infrastructure.issuer().issuer());
        if (annotation.services().length > 0) {
            String first = annotation.services()[0];
            System.setProperty("spring.datasource.url", infrastructure.jdbcUrl(first));
            System.setProperty("spring.datasource.username", infrastructure.user());
            System.setProperty("spring.datasource.password", infrastructure.password());
        }
    }
}
