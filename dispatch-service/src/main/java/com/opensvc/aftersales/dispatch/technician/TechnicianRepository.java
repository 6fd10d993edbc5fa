package com.opensvc.aftersales.dispatch.technician;

import static com.opensvc.aftersales.data.Timestamps.instant;
import static com.opensvc.aftersales.data.Timestamps.utc;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import lombok.RequiredArgsConstructor;

@Repository
@RequiredArgsConstructor
class TechnicianRepository {
    private final JdbcClient jdbc;

    /**
     * Technicians of a region with their open work orders, row-locked so that two assignments at once
     * cannot both take a technician's last free slot.
     */
    List<Candidate> candidatesInRegion(String region) {
        return jdbc.sql("""
                SELECT t.login, t.product_lines, t.regions, t.available, t.daily_capacity, t.last_assigned_at,
                       (SELECT count(*) FROM work_order w WHERE w.technician = t.login
                           AND w.state NOT IN ('COMPLETED', 'CANCELLED')) AS open_orders
                  FROM technician t WHERE :region = ANY (t.regions)
                 ORDER BY t.login
                   FOR UPDATE OF t
                """)
                .param("region", region)
                .query((rs, row) -> new Candidate(rs.getString("login"), set(rs.getArray("product_lines")),
                        set(rs.getArray("regions")), rs.getBoolean("available"), rs.getInt("open_orders"),
                        rs.getInt("daily_capacity"), instant(rs, "last_assigned_at")))
                .list();
    }

    Optional<String> homeStore(String login) {
        return jdbc.sql("SELECT home_store FROM technician WHERE login = :login").param("login", login)
                .query(String.class).optional();
    }

    void markAssigned(String login, Instant at) {
        jdbc.sql("UPDATE technician SET last_assigned_at = :at WHERE login = :login")
                .param("login", login).param("at", utc(at)).update();
    }

    private static Set<String> set(Array array) throws SQLException {
        return Set.of((String[]) array.getArray());
    }
}
