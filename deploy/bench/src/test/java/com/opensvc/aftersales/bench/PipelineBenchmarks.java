package com.opensvc.aftersales.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 18's P5 (boot and memory) on the packaged platform (deploy/local's jar in its own JVM): P5's boot is this
 * class's start, its memory at rest is taken before any traffic.
 * On demand only (tag {@code benchmark}); the command and the last figures are in docs/performance.md.
 * <p>
 * Settings (system properties): {@code aftersales.bench.p5.settle} (PT60S: how long the platform rests before its
 * memory at rest is read), {@code aftersales.bench.platform-java-options} ({@code -Xmx2g}).
 */
@Tag("benchmark")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineBenchmarks {
    static PlatformProcess platform;
    static Path output;
    private static double bootSeconds;
    private static MachineLoad.Sample bootLoad;
    static MemoryPss atRest;

    @BeforeAll
    static void startPlatform() throws Exception {
        output = Path.of(System.getProperty("aftersales.bench.output", "target/bench"));
        Files.createDirectories(output);
        MachineLoad.Mark from = MachineLoad.mark();
        long start = System.nanoTime();
        platform = PlatformProcess.start(Path.of(System.getProperty("aftersales.bench.platform-jar",
                        "../local/target/aftersales-local.jar")), output,
                System.getProperty("aftersales.bench.platform-java-options", "-Xmx2g"));
        bootSeconds = (System.nanoTime() - start) / 1e9;
        bootLoad = MachineLoad.since(from);
        System.out.printf(Locale.ROOT, "%nplatform ready in %.1f s (pid %d, log %s)%n", bootSeconds, platform.pid(),
                platform.log());
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("issue 18 P5: the whole embedded platform's boot (process start to ready) and its memory (PSS of the JVM and its PostgreSQL) at rest")
    void p5_bootAndMemoryAtRest() throws Exception {
        Duration settle = Duration.parse(System.getProperty("aftersales.bench.p5.settle", "PT60S"));
        MachineLoad.Mark from = MachineLoad.mark();
        Thread.sleep(settle.toMillis());
        MachineLoad.Sample restLoad = MachineLoad.since(from);
        atRest = MemoryPss.of(platform.pid());

        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "P5 boot %.1f s, at rest %s", bootSeconds, atRest));
        lines.add(String.format(Locale.ROOT, "  boot: java -jar aftersales-local.jar (%s) to its 'platform ready' line "
                + "(PostgreSQL, Kafka, five relays, issuer, five services, gateway); %s", System.getProperty(
                "aftersales.bench.platform-java-options", "-Xmx2g"), bootLoad));
        lines.add(String.format(Locale.ROOT, "  at rest: after %s without traffic; %s", settle, restLoad));
        lines.add(String.format(Locale.ROOT, "  run %s", ZonedDateTime.now(ZoneOffset.UTC)));
        report(output, "p5", lines);

        assertThat(atRest.jvmKib()).as("the platform JVM's PSS").isPositive();
        assertThat(atRest.postgresProcesses()).as("PostgreSQL's processes under the platform JVM").isPositive();
    }

    static void report(Path output, String name, List<String> lines) throws Exception {
        String text = String.join(System.lineSeparator(), lines) + System.lineSeparator();
        System.out.print(System.lineSeparator() + text);
        Files.writeString(output.resolve(name + ".txt"), text);
    }
}
