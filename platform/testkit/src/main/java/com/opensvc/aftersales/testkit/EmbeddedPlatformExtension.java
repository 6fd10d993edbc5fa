package com.opensvc.aftersales.testkit;

import java.util.Optional;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
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
 */
public class EmbeddedPlatformExtension implements BeforeAllCallback, ParameterResolver {
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
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RestApi.class || type == EventProbe.class || type == EventSender.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
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
        String[] topics = topics(parameter, context);
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

    private static String[] topics(ParameterContext parameter, ExtensionContext context) {
        Optional<ProbeTopics> onParameter = parameter.findAnnotation(ProbeTopics.class);
        return onParameter.or(() -> AnnotationSupport.findAnnotation(context.getRequiredTestClass(), ProbeTopics.class))
                .map(ProbeTopics::value)
                .orElseThrow(() -> new ParameterResolutionException("an EventProbe parameter needs @ProbeTopics"));
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
