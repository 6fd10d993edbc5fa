package com.opensvc.aftersales.testkit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Starts (once per JVM) what {@link EmbeddedPlatform} names and publishes its coordinates as system properties; hands
 * tests what they drive the service with (Spring Modulith's {@code Scenario} is the model):
 * <ul>
 * <li>{@link RestApi} on the Spring Boot test's random port;</li>
 * <li>{@link EventProbe} on the topics its {@link ProbeTopics} names (on the parameter or the class), opened once per
 * test class from the topics' current end and closed after it;</li>
 * <li>{@link EventSender}, one per test JVM.</li>
 * </ul>
 * as parameters of test, {@code @BeforeEach} and {@code @BeforeAll} methods, or into fields of those types (an
 * {@code EventProbe} field names its topics with {@link ProbeTopics} on the field or the class).
 */
public class EmbeddedPlatformExtension implements BeforeAllCallback, TestInstancePostProcessor, ParameterResolver {
    private static final Set<Class<?>> RESOLVED = Set.of(RestApi.class, EventProbe.class, EventSender.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmbeddedPlatformExtension.class);

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

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws Exception {
        for (Class<?> type = testInstance.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || !RESOLVED.contains(field.getType())) {
                    continue;
                }
                field.setAccessible(true);
                if (field.get(testInstance) == null) {
                    field.set(testInstance, resolve(field.getType(), field.getAnnotation(ProbeTopics.class), context));
                }
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return RESOLVED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return resolve(parameter.getParameter().getType(), parameter.findAnnotation(ProbeTopics.class).orElse(null),
                context);
    }

    private static Object resolve(Class<?> type, ProbeTopics probeTopics, ExtensionContext context) {
        if (type == RestApi.class) {
            Integer port = SpringExtension.getApplicationContext(context).getEnvironment()
                    .getProperty("local.server.port", Integer.class);
            if (port == null) {
                throw new ParameterResolutionException("RestApi needs a @SpringBootTest with a web environment on a port");
            }
            return new RestApi(port);
        }
        if (type == EventSender.class) {
            return context.getRoot().getStore(NAMESPACE).computeIfAbsent(EventSender.class,
                    k -> new EventSender(infrastructure().bootstrapServers()), EventSender.class);
        }
        String[] topics = topics(probeTopics, context);
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(NAMESPACE).computeIfAbsent("probe:" + String.join(",", topics), k -> {
            infrastructure().createTopics(topics);
            return new EventProbe(infrastructure().bootstrapServers(), topics);
        }, EventProbe.class);
    }

    private static SharedInfrastructure infrastructure() {
        try {
            return SharedInfrastructure.get();
        } catch (Exception e) {
            throw new ParameterResolutionException("the embedded platform did not start", e);
        }
    }

    private static String[] topics(ProbeTopics onElement, ExtensionContext context) {
        return Optional.ofNullable(onElement).or(() -> AnnotationSupport.findAnnotation(context.getRequiredTestClass(), ProbeTopics.class))
                .map(ProbeTopics::value)
                .orElseThrow(() -> new ParameterResolutionException("an EventProbe needs @ProbeTopics"));
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
