package com.opensvc.aftersales.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.opensvc.aftersales.dispatch.DispatchApplication;
import com.opensvc.aftersales.gateway.GatewayApplication;
import com.opensvc.aftersales.intake.IntakeApplication;
import com.opensvc.aftersales.local.issuer.LocalIssuerApplication;
import com.opensvc.aftersales.parts.PartsApplication;
import com.opensvc.aftersales.quality.QualityApplication;
import com.opensvc.aftersales.revisit.RevisitApplication;

/**
 * Starts the issuer, the five services and the gateway as separate Spring applications in this JVM, each with
 * its own configuration file, port, database and consumer groups: the same applications that run on their own
 * in Kubernetes, pointed at the local infrastructure through standard Spring properties.
 */
public final class PlatformApplications implements AutoCloseable {
    public static final List<String> SERVICES = List.of("intake", "dispatch", "parts", "quality", "revisit");

    /** On one shared classpath each application must leave the others' infrastructure alone. */
    private static final String NOT_A_SERVICE = String.join(",",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration");
    private static final String NOT_AN_ISSUER = String.join(",",
            "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration");
    private static final String NOT_A_GATEWAY = String.join(",",
            "org.springframework.cloud.gateway.server.mvc.GatewayServerMvcAutoConfiguration",
            "org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctionAutoConfiguration",
            "org.springframework.cloud.gateway.server.mvc.filter.FilterAutoConfiguration",
            "org.springframework.cloud.gateway.server.mvc.predicate.PredicateAutoConfiguration",
            "org.springframework.cloud.gateway.server.mvc.handler.GatewayMultipartAutoConfiguration");

    /**
     * One replica per service, the same after a restart: static group membership lets a restarted platform's listeners
     * take their partitions back at once (issue 18, recovery after a crash). {@code -Daftersales.messaging.group.instance-id=}
     * (empty) measures the platform with dynamic membership.
     */
    private static final String GROUP_INSTANCE_ID = System.getProperty("aftersales.messaging.group.instance-id", "local");

    /**
     * The idle platform (issue 18, "Idle CPU, second pass"): 26 listener consumers and their broker share this JVM, and
     * with Kafka's 500 ms an empty fetch came back 52 times a second. The broker answers a waiting fetch as soon as a
     * record arrives, so a longer wait costs no event latency; it only spaces a retry after a seek by up to the wait,
     * which at 2 s stays within the listeners' own back-off ceiling ({@code aftersales.messaging.max-back-off}).
     * {@code -Dspring.kafka.consumer.fetch-max-wait=500ms} measures the platform with Kafka's default.
     */
    static final String FETCH_MAX_WAIT = System.getProperty("spring.kafka.consumer.fetch-max-wait", "2s");

    /** Where the applications find the infrastructure. */
    public record Infrastructure(java.util.function.Function<String, String> jdbcUrl, String dbUser, String dbPassword,
                                 String bootstrapServers) {
    }

    /** 0 means a free port. */
    public record Ports(int issuer, int gateway, Map<String, Integer> services) {
        public static Ports random() {
            return new Ports(0, 0, Map.of());
        }

    }

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final Map<String, Integer> servicePorts = new LinkedHashMap<>();
    private final Map<String, ConfigurableApplicationContext> serviceContexts = new LinkedHashMap<>();
    /** What each service was started with, so that one service can be restarted alone (issue 18, fault harness). */
    private final Map<String, Class<?>> serviceApplications = new LinkedHashMap<>();
    private final Map<String, List<String>> serviceArgs = new LinkedHashMap<>();
    private int issuerPort;
    private int gatewayPort;

    public static PlatformApplications start(Infrastructure infrastructure, Ports ports, Path dataDirectory) {
        PlatformApplications apps = new PlatformApplications();
        try {
            apps.startAll(infrastructure, ports, dataDirectory);
        } catch (RuntimeException e) {
            apps.close();
            throw e;
        }
        return apps;
    }

    private void startAll(Infrastructure infrastructure, Ports ports, Path dataDirectory) {
        ConfigurableApplicationContext issuer = run(LocalIssuerApplication.class, null, List.of(
                "--spring.application.name=local-issuer",
                "--server.port=" + ports.issuer(),
                "--aftersales.issuer.data-dir=" + dataDirectory.resolve("issuer"),
                "--spring.autoconfigure.exclude=" + NOT_A_SERVICE + "," + NOT_A_GATEWAY));
        issuerPort = port(issuer);
        String issuerUri = "http://localhost:" + issuerPort;

        Map<String, Class<?>> services = Map.of("intake", IntakeApplication.class, "dispatch", DispatchApplication.class,
                "parts", PartsApplication.class, "quality", QualityApplication.class, "revisit", RevisitApplication.class);
        for (String service : SERVICES) {
            List<String> args = List.of(
                    "--server.port=" + ports.services().getOrDefault(service, 0),
                    "--spring.datasource.url=" + infrastructure.jdbcUrl().apply(service),
                    "--spring.datasource.username=" + infrastructure.dbUser(),
                    "--spring.datasource.password=" + infrastructure.dbPassword(),
                    "--spring.kafka.bootstrap-servers=" + infrastructure.bootstrapServers(),
                    // demonstration data is deploy/local's, never the service's schema (DOMAIN.md §11)
                    "--spring.flyway.locations=classpath:db/migration/messaging,classpath:db/migration/" + service
                            + ",classpath:db/demo/" + service,
                    "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuerUri,
                    "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuerUri + "/oauth2/jwks",
                    "--spring.autoconfigure.exclude=" + NOT_AN_ISSUER + "," + NOT_A_GATEWAY,
                    "--aftersales.messaging.group.instance-id=" + GROUP_INSTANCE_ID,
                    "--spring.kafka.consumer.fetch-max-wait=" + FETCH_MAX_WAIT);
            ConfigurableApplicationContext context = run(services.get(service), service, args);
            servicePorts.put(service, port(context));
            serviceContexts.put(service, context);
            serviceApplications.put(service, services.get(service));
            serviceArgs.put(service, args);
        }

        List<String> gatewayArgs = new ArrayList<>(List.of(
                "--server.port=" + ports.gateway(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuerUri,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuerUri + "/oauth2/jwks",
                "--spring.autoconfigure.exclude=" + NOT_A_SERVICE + "," + NOT_AN_ISSUER,
                // all services share one JVM here: a cold service's first answers can take longer than production's limit
                "--aftersales.gateway.resilience.timeout=30s"));
        servicePorts.forEach((service, port) ->
                gatewayArgs.add("--aftersales.gateway." + service + "-uri=http://localhost:" + port));
        gatewayPort = port(run(GatewayApplication.class, GatewayApplication.CONFIG_NAME, gatewayArgs));
    }

    private ConfigurableApplicationContext run(Class<?> application, String configName, List<String> args) {
        // the platform stops the applications itself, in order, before the infrastructure they need;
        // all share one logging system, so a log line names its application by logger, not by a global tag
        SpringApplicationBuilder builder = new SpringApplicationBuilder(application)
                .registerShutdownHook(false)
                .properties("logging.include-application-name=false");
        if (configName != null) {
            builder.properties("spring.config.name=" + configName);
        }
        List<String> withLogFormat = new ArrayList<>(args);
        withLogFormat.add("--logging.structured.format.console=" + logFormat());
        ConfigurableApplicationContext context = builder.run(withLogFormat.toArray(String[]::new));
        contexts.add(context);
        return context;
    }

    /**
     * The services log ECS JSON by default; on one console in one JVM the human format reads better (it carries the
     * trace and span ids too): {@code aftersales.log-format} / {@code AFTERSALES_LOG_FORMAT} = ecs, logstash or gelf
     * turns JSON back on, empty (the default) keeps the human console.
     */
    private static String logFormat() {
        String format = System.getProperty("aftersales.log-format", System.getenv("AFTERSALES_LOG_FORMAT"));
        return format == null ? "" : format.trim();
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public int issuerPort() {
        return issuerPort;
    }

    public int gatewayPort() {
        return gatewayPort;
    }

    public Map<String, Integer> servicePorts() {
        return Map.copyOf(servicePorts);
    }

    /** A running service's application context (e.g. to read its request mappings, the access matrix's source). */
    public ConfigurableApplicationContext serviceContext(String service) {
        return serviceContexts.get(service);
    }

    /**
     * Closes one service's application (its listeners leave or, with static membership, keep their place in their
     * groups; in-flight requests finish) and starts it again on the same port, database and consumer groups: what a
     * rolling restart of one pod does. The gateway keeps routing to the port; calls in between fail over its
     * resilience rules (issue 18, fault harness).
     */
    public synchronized void restartService(String service) {
        ConfigurableApplicationContext old = serviceContexts.get(service);
        if (old == null) {
            throw new IllegalArgumentException("no running service " + service);
        }
        int index = contexts.indexOf(old);
        old.close();
        List<String> args = new ArrayList<>();
        for (String arg : serviceArgs.get(service)) {
            if (!arg.startsWith("--server.port=")) {
                args.add(arg);
            }
        }
        args.add("--server.port=" + servicePorts.get(service));
        ConfigurableApplicationContext context = run(serviceApplications.get(service), service, args);
        contexts.remove(context);
        contexts.set(index, context);
        serviceContexts.put(service, context);
    }

    /** Stops the gateway first and the issuer last, each application finishing its in-flight work. */
    @Override
    public void close() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).close();
        }
        contexts.clear();
        serviceContexts.clear();
    }
}
