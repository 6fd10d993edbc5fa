package com.opensvc.aftersales.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from Maven Central binaries (zonky), configured for logical decoding.
 * One server holds every service database; each service still only connects to its own.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param dataDirectory kept across restarts when {@code durable}; wiped otherwise
     * @param workDirectory where zonky unpacks the binaries (otherwise a fixed folder in the system temp dir)
     * @param port          0 for a free port
     * @param durable       fsync on for data that must survive a crash (deploy/local); off for tests
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, Path workDirectory, int port, boolean durable)
            throws IOException {
        Files.createDirectories(workDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(workDirectory.toFile())
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(!durable)
                // the owner (launcher or testkit) stops PostgreSQL after the relays that read from it
                .setRegisterShutdownHook(false)
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                .setServerConfig("wal_level", "logical")
                .setServerConfig("max_replication_slots", "16")
                .setServerConfig("max_wal_senders", "16")
                .setServerConfig("max_connections", "300")
                // zonky defaults to synchronous_commit=off: WAL would reach Debezium only every wal_writer_delay
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("full_page_writes", durable ? "on" : "off")
                .setServerConfig("max_slot_wal_keep_size", "1GB");
        if (port > 0) {
            builder.setPort(port);
        }
        return new EmbeddedPostgresServer(builder.start());
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates the database unless it exists. */
    public void ensureDatabase(String database) throws SQLException {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + database);
            }
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
