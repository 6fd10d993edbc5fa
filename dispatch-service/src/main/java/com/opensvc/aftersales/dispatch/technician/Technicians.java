package com.opensvc.aftersales.dispatch.technician;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.dispatch.technician.TechnicianProposal.Unmet;
import com.opensvc.aftersales.web.IfMatch;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;
import com.opensvc.aftersales.web.StateConflictException;

import lombok.RequiredArgsConstructor;

/**
 * The technicians: managed by the supervisor (DSP-02, INT-22, SEC-03, SEC-05: every change on the append-only
 * history, retirement instead of deletion), and as the work orders need them: who to propose, whether a chosen
 * technician meets DSP-02's clauses, who backs them up, where their parts come from (DSP-03).
 */
@Service
@RequiredArgsConstructor
public class Technicians {
    private final TechnicianRepository technicians;
    private final TechnicianProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher inProcess;

    /** A technician who meets DSP-02 for an order; {@code capacityOverride}: only because the supervisor said so. */
    public record Choice(String login, String homeStore, String defaultBackup, boolean capacityOverride) {
    }

    /** DSP-02's proposal and its runner-up (the backup when the main one names none, INT-22). */
    public record Proposal(Optional<String> main, Optional<String> runnerUp) {
    }

    // ------------------------------------------------------------------ management

    @Transactional
    public TechnicianView create(String login, TechnicianInput input, String actor) {
        requireBackup(login, input.defaultBackup());
        TechnicianView created = new TechnicianView(login, input.name(), distinct(input.productLines()),
                distinct(input.regions()), input.dailyCapacity(), input.workingStatus() == null
                ? WorkingStatus.AVAILABLE : input.workingStatus(), input.homeStore(), input.defaultBackup(), null,
                null, null, 0);
        if (!technicians.insert(created)) {
            throw new InvalidFieldException("login", "is taken by an existing technician");
        }
        record(login, actor, "CREATED", describe(created));
        return get(login);
    }

    /** PUT: everything replaced; PATCH: the given fields. If-Match with the version read (412 when stale). */
    @Transactional
    public TechnicianView change(String login, TechnicianInput input, boolean replace, int expectedVersion,
                                 String actor) {
        TechnicianView current = technicians.findForUpdate(login).orElseThrow(() -> notFound(login));
        IfMatch.require(expectedVersion, current.version(), "technician " + login);
        if (current.retired()) {
            throw new StateConflictException("technician " + login, "RETIRED", "change a retired technician");
        }
        TechnicianView next = replace ? new TechnicianView(login, input.name(), distinct(input.productLines()),
                distinct(input.regions()), input.dailyCapacity(),
                input.workingStatus() == null ? WorkingStatus.AVAILABLE : input.workingStatus(), input.homeStore(),
                input.defaultBackup(), current.lastAssignedAt(), null, null, current.version())
                : new TechnicianView(login, or(input.name(), current.name()),
                input.productLines() == null ? current.productLines() : distinct(input.productLines()),
                input.regions() == null ? current.regions() : distinct(input.regions()),
                or(input.dailyCapacity(), current.dailyCapacity()), or(input.workingStatus(), current.workingStatus()),
                or(input.homeStore(), current.homeStore()), or(input.defaultBackup(), current.defaultBackup()),
                current.lastAssignedAt(), null, null, current.version());
        requireBackup(login, next.defaultBackup());
        technicians.update(next);
        record(login, actor, "UPDATED", changes(current, next));
        if (!current.workingStatus().absent() && next.workingStatus().absent()) {
            inProcess.publishEvent(new TechnicianWentAbsent(login, next.workingStatus(), next.defaultBackup(), actor,
                    clock.instant()));
        }
        return get(login);
    }

    /** SEC-05: no deletion; a retired technician is kept, recorded, and never proposed or assigned again. */
    @Transactional
    public TechnicianView retire(String login, String reason, String actor) {
        TechnicianView current = technicians.findForUpdate(login).orElseThrow(() -> notFound(login));
        if (current.retired()) {
            throw new StateConflictException("technician " + login, "RETIRED", "retire again");
        }
        Instant now = clock.instant();
        technicians.update(new TechnicianView(login, current.name(), current.productLines(), current.regions(),
                current.dailyCapacity(), current.workingStatus(), current.homeStore(), current.defaultBackup(),
                current.lastAssignedAt(), now, reason, current.version()));
        record(login, actor, "RETIRED", reason);
        inProcess.publishEvent(new TechnicianWentAbsent(login, current.workingStatus(), current.defaultBackup(), actor,
                now));
        return get(login);
    }

    public Optional<TechnicianView> find(String login) {
        return technicians.find(login);
    }

    public TechnicianView get(String login) {
        return find(login).orElseThrow(() -> notFound(login));
    }

    public PageOf<TechnicianView> search(String region, String productLine, WorkingStatus status, Boolean retired,
                                         Paging paging) {
        return technicians.search(region, productLine, status, retired, paging);
    }

    public PageOf<TechnicianHistoryLine> history(String login, Paging paging) {
        get(login);
        return technicians.history(login, paging);
    }

    // ------------------------------------------------------------------ for the work orders

    /** DSP-02: the technician to propose for a product line in a region, if anyone qualifies; locks the region's technicians. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<String> propose(String productLine, String region) {
        return proposal(productLine, region, Set.of()).main();
    }

    /** DSP-02: the proposal and its runner-up, leaving out {@code excluded} (DSP-04: who handed the order back). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Proposal proposal(String productLine, String region, Set<String> excluded) {
        if (region == null) {
            return new Proposal(Optional.empty(), Optional.empty());
        }
        List<Candidate> ranked = TechnicianProposal.ranked(technicians.candidatesInRegion(region, dayStart()),
                productLine, region, excluded);
        return new Proposal(ranked.stream().findFirst().map(Candidate::login),
                ranked.stream().skip(1).findFirst().map(Candidate::login));
    }

    /**
     * DSP-02: the supervisor's (or a claimant's) choice checked against the proposal's clauses, under the technician's
     * row lock: unknown, retired, absent, without the skill or outside the region → 400 naming {@code field} and what is
     * unmet; at daily capacity → 400 unless {@code overrideCapacity} with an {@code overrideReason}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Choice requireEligible(String field, String login, String productLine, String region,
                                  boolean overrideCapacity, String overrideReason) {
        Candidate candidate = technicians.candidateForUpdate(login, dayStart())
                .orElseThrow(() -> new InvalidFieldException(field, "is not a known technician"));
        List<Unmet> unmet = TechnicianProposal.unmet(candidate, productLine, region);
        List<Unmet> blocking = unmet.stream().filter(u -> u != Unmet.CAPACITY).toList();
        if (!blocking.isEmpty()) {
            throw new InvalidFieldException(field, login + " " + blocking.stream().map(Unmet::text)
                    .collect(Collectors.joining("; ")) + " (DSP-02: " + blocking + ")");
        }
        boolean over = unmet.contains(Unmet.CAPACITY);
        if (over && !overrideCapacity) {
            throw new InvalidFieldException(field, login + " is at daily capacity (" + candidate.loadToday() + " of "
                    + candidate.dailyCapacity() + "); set overrideCapacity with an overrideReason to assign anyway"
                    + " (DSP-02: [CAPACITY])");
        }
        if (over && (overrideReason == null || overrideReason.isBlank())) {
            throw new InvalidFieldException("overrideReason", "is required to assign over the daily capacity");
        }
        return new Choice(login, technicians.homeStore(login).orElseThrow(), candidate.defaultBackup(), over);
    }

    /** INT-22: the technician, if they meet every clause of DSP-02 now (e.g. a backup taking over). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Choice> eligible(String login, String productLine, String region) {
        return technicians.candidateForUpdate(login, dayStart())
                .filter(c -> TechnicianProposal.unmet(c, productLine, region).isEmpty())
                .map(c -> new Choice(login, technicians.homeStore(login).orElseThrow(), c.defaultBackup(), false));
    }

    /**
     * INT-22: the backup of a dispatch decision: the one given (known, not retired, not the main one, with the skill
     * and the region; else 400 naming {@code field}), else the main one's default backup if they cover the order,
     * else the proposal's runner-up; null when nobody can back up.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String backupFor(String field, String main, String given, String defaultBackup, String productLine,
                            String region, Set<String> excluded) {
        if (given != null) {
            Candidate backup = technicians.candidateForUpdate(given, dayStart())
                    .orElseThrow(() -> new InvalidFieldException(field, "is not a known technician"));
            if (given.equals(main)) {
                throw new InvalidFieldException(field, "must be another technician than the main one (INT-22)");
            }
            if (!TechnicianProposal.canCover(backup, productLine, region)) {
                throw new InvalidFieldException(field, given + " is retired, or lacks the skill or the region (INT-22)");
            }
            return given;
        }
        if (defaultBackup != null && !defaultBackup.equals(main) && !excluded.contains(defaultBackup)) {
            Optional<Candidate> backup = technicians.candidateForUpdate(defaultBackup, dayStart());
            if (backup.isPresent() && TechnicianProposal.canCover(backup.get(), productLine, region)) {
                return defaultBackup;
            }
        }
        if (region == null) {
            return null;
        }
        Set<String> leaveOut = new java.util.HashSet<>(excluded);
        leaveOut.add(main);
        return TechnicianProposal.ranked(technicians.candidatesInRegion(region, dayStart()), productLine, region,
                leaveOut).stream().findFirst().map(Candidate::login).orElse(null);
    }

    /** The store the technician's parts are issued from; empty for an unknown login. */
    public Optional<String> homeStore(String login) {
        return technicians.homeStore(login);
    }

    /** The technician was given a work order now (the tie-break of DSP-02's proposal). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void assigned(String login, Instant at) {
        technicians.markAssigned(login, at);
    }

    private Instant dayStart() {
        return LocalDate.ofInstant(clock.instant(), properties.zone()).atStartOfDay(properties.zone()).toInstant();
    }

    private void requireBackup(String login, String backup) {
        if (backup == null) {
            return;
        }
        if (backup.equals(login)) {
            throw new InvalidFieldException("defaultBackup", "must be another technician (INT-22)");
        }
        TechnicianView other = technicians.find(backup)
                .orElseThrow(() -> new InvalidFieldException("defaultBackup", "is not a known technician"));
        if (other.retired()) {
            throw new InvalidFieldException("defaultBackup", "is retired");
        }
    }

    private void record(String login, String actor, String action, String detail) {
        technicians.recordHistory(new TechnicianHistoryLine(login, clock.instant(), actor, action, detail));
    }

    private static String describe(TechnicianView t) {
        return "productLines=" + t.productLines() + " regions=" + t.regions() + " dailyCapacity=" + t.dailyCapacity()
                + " workingStatus=" + t.workingStatus() + " homeStore=" + t.homeStore() + " defaultBackup="
                + t.defaultBackup();
    }

    private static String changes(TechnicianView before, TechnicianView after) {
        List<String> changed = new ArrayList<>();
        diff(changed, "name", before.name(), after.name());
        diff(changed, "productLines", before.productLines(), after.productLines());
        diff(changed, "regions", before.regions(), after.regions());
        diff(changed, "dailyCapacity", before.dailyCapacity(), after.dailyCapacity());
        diff(changed, "workingStatus", before.workingStatus(), after.workingStatus());
        diff(changed, "homeStore", before.homeStore(), after.homeStore());
        diff(changed, "defaultBackup", before.defaultBackup(), after.defaultBackup());
        return changed.isEmpty() ? "no change" : String.join("; ", changed);
    }

    private static void diff(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field + ": " + before + " → " + after);
        }
    }

    private static <T> T or(T given, T current) {
        return given != null ? given : current;
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : values.stream().distinct().toList();
    }

    private static NotFoundException notFound(String login) {
        return new NotFoundException("no technician " + login);
    }
}
