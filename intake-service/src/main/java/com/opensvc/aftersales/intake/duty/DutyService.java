package com.opensvc.aftersales.intake.duty;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.opensvc.aftersales.intake.IntakeProperties;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;

import lombok.RequiredArgsConstructor;

/**
 * INT-22: the standing main and backup per complaint step, and who is absent when. The complaint process asks it
 * whom a step's work goes to; supervisors keep it through {@link DutyController}.
 */
@Service
@RequiredArgsConstructor
public class DutyService {
    private final DutyRepository duty;
    private final IntakeProperties properties;
    private final Clock clock;

    /** The step's standing main and backup person; {@link Handlers#NONE} when the roster names nobody. */
    public Handlers roster(String step) {
        return duty.roster(step);
    }

    public boolean isAbsent(String person, LocalDate day) {
        return duty.isAbsent(person, day);
    }

    /** The company's today (its zone), the day absences are counted on. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    List<DutyRepository.RosterEntry> roster() {
        return duty.roster();
    }

    List<DutyRepository.RosterEntry> setRoster(String step, String main, String backup, String actor) {
        if (main.equals(backup)) {
            throw new InvalidFieldException("backupPerson", "must be another person than the main one");
        }
        duty.setRoster(step, main, backup, actor, clock.instant());
        return duty.roster();
    }

    /** The step has no standing main and backup any more: anyone with its role takes new work. */
    List<DutyRepository.RosterEntry> clearRoster(String step) {
        duty.clearRoster(step);
        return duty.roster();
    }

    UUID addAbsence(String person, LocalDate from, LocalDate to, String reason, String actor) {
        if (to.isBefore(from)) {
            throw new InvalidFieldException("to", "must not be before from");
        }
        return duty.addAbsence(person, from, to, reason, actor, clock.instant());
    }

    /** Absences that have not ended before today. */
    List<DutyRepository.Absence> absences() {
        return duty.absences(today());
    }

    /** The person is back: the absence ends now (the record stays, marked ended). */
    void endAbsence(UUID id, String actor) {
        if (!duty.endAbsence(id, actor, clock.instant())) {
            throw new NotFoundException("no current absence " + id);
        }
    }
}
