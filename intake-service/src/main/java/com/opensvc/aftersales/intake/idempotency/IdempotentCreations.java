package com.opensvc.aftersales.intake.idempotency;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code Idempotency-Key} for creating POSTs (DESIGN.md §5): the key is claimed in the creating transaction, so a
 * concurrent duplicate waits for the first to commit and then gets the same resource.
 */
@Component
public class IdempotentCreations {
    private final JdbcClient jdbc;
    private final Clock clock;

    public IdempotentCreations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @return empty when the key is now claimed for {@code newId} (go on and create it), or the id an earlier
     *         request with the same key created
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
                .param("at", clock.instant().atOffset(java.time.ZoneOffset.UTC)).update();
        if (claimed == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("SELECT resource_id FROM idempotent_creation WHERE resource = :resource AND key = :key")
                .param("resource", resource).param("key", key).query(UUID.class).single());
    }
}
