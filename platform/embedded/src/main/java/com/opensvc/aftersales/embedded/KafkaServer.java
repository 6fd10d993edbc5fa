package com.opensvc.aftersales.embedded;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * Kafka's own server in KRaft mode, combined broker and controller, on a fixed port so that the company's
 * other systems can connect, the way {@code kafka-server-start.sh} would run it. The storage is formatted
 * once; later starts reuse it, so topics and offsets survive a restart.
 */
public final class KafkaServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KafkaServer.class);

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private KafkaServer(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    public static KafkaServer start(Path logDirectory, int port, int controllerPort, int partitions) throws Exception {
        Files.createDirectories(logDirectory);
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDirectory.toString());
        props.put("num.partitions", Integer.toString(partitions));
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "10");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // Kafka's 8 request handlers and 3 network threads per listener suit a broker with a machine of its own; this one
        // shares its JVM with the platform, and each idle handler wakes every 300 ms (issue 18, "Idle CPU, second pass")
        int cores = Runtime.getRuntime().availableProcessors();
        props.put("num.io.threads", Integer.toString(Math.clamp(cores, 2, 8)));
        props.put("num.network.threads", Integer.toString(Math.clamp(cores / 2, 1, 3)));
        KafkaConfig config = KafkaConfig.fromProps(props, false);

        if (!Files.exists(logDirectory.resolve("meta.properties"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new Formatter()
                    .setPrintStream(new PrintStream(out, true, StandardCharsets.UTF_8))
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .addDirectory(logDirectory.toString())
                    .setMetadataLogDirectory(logDirectory.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .run();
            log.info("Formatted Kafka storage in {}: {}", logDirectory, out.toString(StandardCharsets.UTF_8).trim());
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        return new KafkaServer(server, "localhost:" + port);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
