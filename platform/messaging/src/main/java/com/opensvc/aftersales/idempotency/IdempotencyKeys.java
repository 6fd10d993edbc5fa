package com.opensvc.aftersales.idempotency;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.data.Timestamps;

/**
 * {@code Idempotency-Key} for creating POSTs (DESIGN.md §5), the one store of the platform: the key is claimed in the
 * creating transaction (table {@code idempotent_creation} in the service's database), so a concurrent duplicate
 * waits for the first to commit and then gets the same resource.
 */
public class IdempotencyKeys {
    private final JdbcClient jdbc;
    private final Clock clock;

    public IdempotencyKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param resource what is created ("ticket", "quote", …): one key may create one of each
     * @return empty when the key is now claimed for {@code newId} (go on and create it), or the id an earlier
     *         request with the same key created; a blank key claims nothing
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<UUID> claim(String resource, String key, UUID newId) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        int claimed = jdbc.sql("""
                INSERT INTO idempotent_creation (resource, key, resource_id, created_at)
                VALUES (:resource, :key, :id, :at) ON CONFLICT DO NOTHING
                """).param("resource", resource).param("key", key).param("id", newId)
                .param("at", Timestamps.utc(clock.instant())).update();
        if (claimed == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("SELECT resource_id FROM idempotent_creation WHERE resource = :resource AND key = :key")
                .param("resource", resource).param("key", key).query(UUID.class).single());
    }
}
