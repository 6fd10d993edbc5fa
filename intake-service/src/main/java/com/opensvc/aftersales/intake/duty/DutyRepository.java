package com.opensvc.aftersales.intake.duty;

import static com.opensvc.aftersales.data.Timestamps.instant;
import static com.opensvc.aftersales.data.Timestamps.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import lombok.RequiredArgsConstructor;

/** The duty roster (main and backup per complaint step) and who is absent when (INT-22). */
@Repository
@RequiredArgsConstructor
public class DutyRepository {
    private final JdbcClient jdbc;

    public record RosterEntry(String step, String mainPerson, String backupPerson, String updatedBy, Instant updatedAt) {
    }

    public record Absence(UUID id, String person, LocalDate fromDay, LocalDate toDay, String reason, String recordedBy,
                          Instant recordedAt, Instant endedAt) {
    }

    public void setRoster(String step, String main, String backup, String actor, Instant now) {
        jdbc.sql("""
                INSERT INTO duty_roster (step, main_person, backup_person, updated_by, updated_at)
                VALUES (:step, :main, :backup, :actor, :at)
                ON CONFLICT (step) DO UPDATE SET main_person = EXCLUDED.main_person, backup_person = EXCLUDED.backup_person,
                    updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
                """).param("step", step).param("main", main).param("backup", backup).param("actor", actor)
                .param("at", utc(now)).update();
    }

    public boolean clearRoster(String step) {
        return jdbc.sql("DELETE FROM duty_roster WHERE step = :step").param("step", step).update() == 1;
    }

    public Handlers roster(String step) {
        return jdbc.sql("SELECT main_person, backup_person FROM duty_roster WHERE step = :step").param("step", step)
                .query((rs, n) -> new Handlers(rs.getString(1), rs.getString(2))).optional().orElse(Handlers.NONE);
    }

    public List<RosterEntry> roster() {
        return jdbc.sql("SELECT * FROM duty_roster ORDER BY step")
                .query((rs, n) -> new RosterEntry(rs.getString("step"), rs.getString("main_person"),
                        rs.getString("backup_person"), rs.getString("updated_by"),
                        instant(rs, "updated_at"))).list();
    }

    public UUID addAbsence(String person, LocalDate from, LocalDate to, String reason, String actor, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO person_absence (id, person, from_day, to_day, reason, recorded_by, recorded_at)
                VALUES (:id, :person, :from, :to, :reason, :actor, :at)
                """).param("id", id).param("person", person).param("from", from).param("to", to).param("reason", reason)
                .param("actor", actor).param("at", utc(now)).update();
        return id;
    }

    /** Ends an absence early (the person came back); the record stays, marked ended. */
    public boolean endAbsence(UUID id, String actor, Instant now) {
        return jdbc.sql("UPDATE person_absence SET ended_at = :at, ended_by = :actor WHERE id = :id AND ended_at IS NULL")
                .param("id", id).param("actor", actor).param("at", utc(now)).update() == 1;
    }

    public boolean isAbsent(String person, LocalDate day) {
        return person != null && jdbc.sql("""
                SELECT count(*) FROM person_absence WHERE person = :person AND from_day <= :day AND to_day >= :day
                  AND ended_at IS NULL
                """).param("person", person).param("day", day).query(Long.class).single() > 0;
    }

    public List<Absence> absences(LocalDate onOrAfter) {
        return jdbc.sql("SELECT * FROM person_absence WHERE to_day >= :day ORDER BY from_day, person")
                .param("day", onOrAfter)
                .query((rs, n) -> new Absence(rs.getObject("id", UUID.class), rs.getString("person"),
                        rs.getObject("from_day", LocalDate.class), rs.getObject("to_day", LocalDate.class),
                        rs.getString("reason"), rs.getString("recorded_by"),
                        instant(rs, "recorded_at"), instant(rs, "ended_at"))).list();
    }
}
