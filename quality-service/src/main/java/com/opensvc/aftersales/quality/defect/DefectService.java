package com.opensvc.aftersales.quality.defect;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.quality.installedbase.InstalledBase;
import com.opensvc.aftersales.quality.installedbase.InstalledUnit;
import com.opensvc.aftersales.quality.ticketfact.TicketFact;
import com.opensvc.aftersales.quality.ticketfact.TicketFacts;
import com.opensvc.aftersales.web.IfMatch;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/**
 * QLT-01: every closed repair with a cause code and every defective part received becomes a defect record, enriched
 * from the installed base and the ticket facts; quality classifies and corrects them. QLT-02: returned products and
 * parts are analysed within {@code aftersales.quality.defect.analysis-within} of receipt; the overdue are listed.
 */
@Service
@RequiredArgsConstructor
public class DefectService {
    private static final Logger log = LoggerFactory.getLogger(DefectService.class);
    static final String ACTOR = "system:quality-intake";

    private final DefectRepository defects;
    private final InstalledBase installedBase;
    private final TicketFacts ticketFacts;
    private final DefectProperties properties;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    @Transactional
    public Optional<Defect> recordFromRepair(RepairClosed repair) {
        if (!repair.hasCauseCode()) {
            log.info("Repair {} of ticket {} closed without a cause code: no defect", repair.workOrderId(),
                    repair.ticketId());
            return Optional.empty();
        }
        Optional<TicketFact> fact = ticketFacts.find(repair.ticketId());
        DefectChange recorded = Defect.fromRepair(repair, context(repair.productModel(), repair.serialNumber(), fact),
                properties.analysisWithin(), ACTOR, clock.instant());
        return record(recorded, "repair " + repair.workOrderId());
    }

    @Transactional
    public Optional<Defect> recordFromReturnedPart(DefectivePartReceived part) {
        Optional<TicketFact> fact = ticketFacts.find(part.ticketId());
        String unitSerial = part.productSerialNumber() != null && !part.productSerialNumber().isBlank()
                ? part.productSerialNumber() : fact.map(TicketFact::serialNumber).orElse(null);
        DefectChange recorded = Defect.fromReturnedPart(part, unitSerial, context(part.productModel(), unitSerial, fact),
                properties.analysisWithin(), ACTOR, clock.instant());
        return record(recorded, "loan " + part.loanId());
    }

    private Optional<Defect> record(DefectChange recorded, String what) {
        Defect defect = recorded.defect();
        if (!defects.insertIfAbsent(recorded)) {
            // the same repair or part under another event id: the unique indexes keep one record
            log.info("{} already has its defect record", what);
            return Optional.empty();
        }
        publisher.publishEvent(defect.logged());
        log.info("Recorded defect {} for ticket {} from {} ({})", defect.id(), defect.ticketId(), what,
                defect.state());
        return Optional.of(defect);
    }

    /** The unit's batch and factory date (installed base) and the ticket's region and customer, as far as known. */
    private Defect.Context context(String model, String serial, Optional<TicketFact> fact) {
        Optional<InstalledUnit> unit = serial == null ? Optional.empty()
                : installedBase.find(model.strip(), serial.strip());
        return new Defect.Context(unit.map(InstalledUnit::productionBatch).orElse(null),
                unit.map(InstalledUnit::factoryDate).orElse(null), fact.map(TicketFact::region).orElse(null),
                fact.map(TicketFact::customerId).or(() -> unit.map(InstalledUnit::customerId)).orElse(null));
    }

    /** QLT-01: quality classifies or corrects the record at the version it read (If-Match). */
    @Transactional
    public Defect classify(UUID id, int expectedVersion, ClassificationRequest request, String actor) {
        Instant now = clock.instant();
        if (request.factoryDate() != null && request.factoryDate().isAfter(LocalDate.now(clock.withZone(properties.zone())))) {
            throw new InvalidFieldException("factoryDate", "must not be in the future");
        }
        return apply(id, expectedVersion, defect -> defect.classify(new DefectClassification(
                Defect.normalise(request.failureMode()), request.cause().strip(), request.responsibleDepartment(),
                Defect.blankToNull(request.responsibleProcess()), Defect.blankToNull(request.causingPartNumber()),
                request.productionBatch() == null ? defect.productionBatch()
                        : Defect.blankToNull(request.productionBatch()),
                request.factoryDate() == null ? defect.factoryDate() : request.factoryDate()),
                Defect.blankToNull(request.note()), actor, now));
    }

    /** QLT-02: the analysis of a returned product or part; an If-Match, when sent, must match. */
    @Transactional
    public Defect analyse(UUID id, Integer expectedVersion, DefectAnalysisRequest request, String actor) {
        Instant now = clock.instant();
        return apply(id, expectedVersion, defect -> defect.analyse(request, actor, now));
    }

    private Defect apply(UUID id, Integer expectedVersion, Function<Defect, DefectChange> transition) {
        Defect defect = defects.findForUpdate(id).orElseThrow(() -> notFound(id));
        if (expectedVersion != null) {
            IfMatch.require(expectedVersion, defect.version(), "defect " + id);
        }
        DefectChange change = transition.apply(defect);
        defects.save(change);
        publisher.publishEvent(change.defect().classified(change.history().actor(), change.history().at()));
        log.info("Defect {} {} by {} (version {})", id, change.history().action(), change.history().actor(),
                change.defect().version());
        return change.defect();
    }

    public Defect get(UUID id) {
        return defects.find(id).orElseThrow(() -> notFound(id));
    }

    public PageOf<Defect> search(UUID ticketId, String productModel, String failureMode, DefectState state,
                                 DefectSource source, LocalDate from, LocalDate to, Paging paging) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidFieldException("to", "must not be before from");
        }
        return defects.search(new DefectFilter(ticketId, blankToNullNormalised(productModel, false),
                blankToNullNormalised(failureMode, true), state, source,
                from == null ? null : from.atStartOfDay(properties.zone()).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(properties.zone()).toInstant()), paging);
    }

    private static String blankToNullNormalised(String text, boolean collapse) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return collapse ? Defect.normalise(text) : text.strip();
    }

    public PageOf<DefectHistory> history(UUID id, Paging paging) {
        get(id);
        return defects.history(id, paging);
    }

    /** QLT-02: awaiting analysis past the due time, the longest overdue first. */
    public PageOf<OverdueAnalysis> overdue(Paging paging) {
        return defects.overdue(clock.instant(), paging);
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("no defect " + id);
    }
}
