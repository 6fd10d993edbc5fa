package com.opensvc.aftersales.parts.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/** The only SQL that writes {@code location}. */
@Repository
@RequiredArgsConstructor
class LocationRepository {
    private final JdbcClient jdbc;

    /**
     * False (nothing written) when the code is taken, or when it is a second CENTRAL (the partial unique index
     * {@code location_one_central} makes a racing second one conflict too).
     */
    boolean insert(Location location, String actor, Instant at) {
        return jdbc.sql("""
                INSERT INTO location (code, kind, name, owner, store, version, created_at, created_by, updated_at,
                    updated_by)
                VALUES (:code, :kind, :name, :owner, :store, 0, :at, :by, :at, :by) ON CONFLICT DO NOTHING
                """)
                .param("code", location.code()).param("kind", location.kind().name()).param("name", location.name())
                .param("owner", location.technicianId()).param("store", location.store())
                .param("at", Timestamps.utc(at)).param("by", actor).update() == 1;
    }

    void rename(String code, String name, String actor, Instant at) {
        jdbc.sql("""
                UPDATE location SET name = :name, version = version + 1, updated_at = :at, updated_by = :by
                 WHERE code = :code
                """)
                .param("code", code).param("name", name).param("at", Timestamps.utc(at)).param("by", actor).update();
    }

    Optional<Location> find(String code) {
        return jdbc.sql("SELECT * FROM location WHERE code = :code").param("code", code)
                .query((rs, row) -> location(rs)).optional();
    }

    Optional<Location> findForUpdate(String code) {
        return jdbc.sql("SELECT * FROM location WHERE code = :code FOR UPDATE").param("code", code)
                .query((rs, row) -> location(rs)).optional();
    }

    Optional<String> central() {
        return jdbc.sql("SELECT code FROM location WHERE kind = 'CENTRAL'").query(String.class).optional();
    }

    PageOf<Location> list(LocationKind kind, Paging paging) {
        String kindName = kind == null ? null : kind.name();
        long total = jdbc.sql("SELECT count(*) FROM location WHERE (CAST(:kind AS text) IS NULL OR kind = :kind)")
                .param("kind", kindName).query(Long.class).single();
        List<Location> locations = jdbc.sql("""
                SELECT * FROM location WHERE (CAST(:kind AS text) IS NULL OR kind = :kind)
                 ORDER BY code LIMIT :limit OFFSET :offset
                """)
                .param("kind", kindName).param("limit", paging.size()).param("offset", paging.offset())
                .query((rs, row) -> location(rs)).list();
        return paging.of(locations, total);
    }

    private static Location location(ResultSet rs) throws SQLException {
        return new Location(rs.getString("code"), LocationKind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("owner"), rs.getString("store"), rs.getInt("version"), Timestamps.instant(rs, "updated_at"),
                rs.getString("updated_by"));
    }
}
