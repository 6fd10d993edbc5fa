package com.opensvc.aftersales.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import com.opensvc.aftersales.testkit.SharedInfrastructure;

/**
 * The five services, the gateway and the issuer started once per test JVM on the shared infrastructure, for every
 * end-to-end test class that asks for a {@link PlatformClient}; stopped when the test run ends, before the
 * infrastructure they need.
 */
final class RunningPlatform implements ParameterResolver, ExtensionContext.Store.CloseableResource, AutoCloseable {
    private PlatformApplications apps;
    private PlatformClient client;
    private Path dataDir;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PlatformClient.class
                || parameter.getParameter().getType() == PlatformApplications.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningPlatform platform = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningPlatform.class, key -> start(), RunningPlatform.class);
        return parameter.getParameter().getType() == PlatformApplications.class ? platform.apps : platform.client;
    }

    private static RunningPlatform start() {
        RunningPlatform platform = new RunningPlatform();
        try {
            platform.dataDir = Files.createTempDirectory("aftersales-e2e");
            // the one rule setting the end-to-end tests change: REV-06's attempts "on different days" cannot wait for
            // tomorrow in a test, so the three unanswered calls may fall on one day here
            System.setProperty("aftersales.revisit.attempts.days-apart", "0");
            SharedInfrastructure infra = SharedInfrastructure.get();
            platform.apps = PlatformApplications.start(new PlatformApplications.Infrastructure(infra::jdbcUrl,
                    infra.user(), infra.password(), infra.bootstrapServers()), PlatformApplications.Ports.random(),
                    platform.dataDir);
            platform.client = new PlatformClient(platform.apps.gatewayPort(), platform.apps.issuerPort(),
                    platform.dataDir.resolve("issuer/clients.properties"));
            platform.client.servicePorts(platform.apps.servicePorts());
            platform.client.issuerDataDir = platform.dataDir.resolve("issuer");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("the platform did not start", e);
        }
        return platform;
    }

    @Override
    public void close() {
        if (apps != null) {
            apps.close();
        }
    }
}
