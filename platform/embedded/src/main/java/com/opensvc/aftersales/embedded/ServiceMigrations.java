package com.opensvc.aftersales.embedded;

import org.flywaydb.core.Flyway;

/**
 * Applies a service's Flyway migrations (the messaging starter's outbox and inbox in {@code
 * classpath:db/migration/messaging}, then the service's own {@code classpath:db/migration/<service>}) before its relay
 * starts:
 * Debezium needs the outbox table and its publication to exist. The service's own Flyway run at start-up
 * then finds nothing to do. What that run applies on top (deploy/local's demonstration data, {@code db/demo/<service>})
 * is not this one's to validate: on a restart over the same data it would otherwise refuse to start (issue 18).
 */
public final class ServiceMigrations {
    private ServiceMigrations() {
    }

    public static void migrate(String jdbcUrl, String user, String password, String service) {
        Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .locations("classpath:db/migration/messaging", "classpath:db/migration/" + service)
                .ignoreMigrationPatterns("*:missing")
                .load()
                .migrate();
    }
}
