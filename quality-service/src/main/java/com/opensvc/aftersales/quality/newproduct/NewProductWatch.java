package com.opensvc.aftersales.quality.newproduct;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.idempotency.IdempotencyKeys;
import com.opensvc.aftersales.quality.defect.DefectLogged;
import com.opensvc.aftersales.quality.installedbase.InstalledBase;
import com.opensvc.aftersales.quality.newproduct.NewProductEvent.NewProductFailureReported;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/**
 * QLT-07: models launched less than the watch period ago report every failure ({@code NewProductFailureReported}),
 * after-sales submits its written survey, and the survey report per model is produced monthly.
 */
@Service
@RequiredArgsConstructor
public class NewProductWatch {
    private static final Logger log = LoggerFactory.getLogger(NewProductWatch.class);
    static final String ACTOR = "system:quality-new-product";
    /** Launch dates further ahead are refused (a launch is recorded when it happens, or shortly before). */
    static final int MAX_DAYS_AHEAD = 366;

    private final NewProductRepository repository;
    private final InstalledBase installedBase;
    private final IdempotencyKeys idempotency;
    private final NewProductProperties properties;
    private final Clock clock;

    public LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    /** The model's launch: recorded by quality, else its first shipment; empty when neither is known. */
    public Optional<ModelLaunch> launchOf(String model) {
        Optional<NewProductRepository.ProductLaunchRow> recorded = repository.recordedLaunch(model);
        if (recorded.isPresent()) {
            return recorded.map(r -> launch(model, r.launchedOn(), ModelLaunch.Source.RECORDED, r.version()));
        }
        return installedBase.firstShipDate(model)
                .map(first -> launch(model, first, ModelLaunch.Source.FIRST_SHIPMENT, null));
    }

    private ModelLaunch launch(String model, LocalDate on, ModelLaunch.Source source, Integer version) {
        return new ModelLaunch(model, on, source, on.plus(properties.watchPeriod()), version);
    }

    @Transactional
    public ModelLaunch recordLaunch(String model, LocalDate launchedOn, String actor) {
        if (launchedOn.isAfter(today().plusDays(MAX_DAYS_AHEAD))) {
            throw new InvalidFieldException("launchedOn", "must be within " + MAX_DAYS_AHEAD + " days from today");
        }
        NewProductRepository.ProductLaunchRow row = repository.putLaunch(model, launchedOn, actor, clock.instant());
        log.info("Launch of model {} recorded as {} by {}", model, launchedOn, actor);
        return launch(model, row.launchedOn(), ModelLaunch.Source.RECORDED, row.version());
    }

    /** In the recording transaction: a failure of a watched model is reported once. */
    @Transactional
    public void defectLogged(DefectLogged logged) {
        if (logged.productModel() == null) {
            return;
        }
        Optional<ModelLaunch> launch = launchOf(logged.productModel());
        Instant failedAt = logged.failedAt() != null ? logged.failedAt() : logged.recordedAt();
        LocalDate failedOn = LocalDate.ofInstant(failedAt, properties.zone());
        if (launch.isEmpty() || !launch.get().watchedOn(failedOn)) {
            return;
        }
        ModelLaunch l = launch.get();
        int days = (int) ChronoUnit.DAYS.between(l.launchedOn(), failedOn);
        NewProductFailureReported reported = new NewProductFailureReported(logged.defectId(), logged.ticketId(),
                logged.productModel(), logged.serialNumber(), logged.failureMode(), logged.cause(), l.launchedOn(),
                l.watchEndsOn(), days, ACTOR, clock.instant());
        if (repository.insertFailure(reported, failedAt)) {
            log.info("New product {}: failure {} reported, day {} of the watch", logged.productModel(),
                    logged.defectId(), days);
        }
    }

    public PageOf<WatchedModel> watched(Paging paging) {
        PageOf<NewProductRepository.WatchedRow> rows = repository.watched(today(), properties.watchPeriod(), paging);
        return new PageOf<>(rows.items().stream().map(r -> new WatchedModel(r.productModel(), r.launchedOn(),
                r.recorded() ? ModelLaunch.Source.RECORDED : ModelLaunch.Source.FIRST_SHIPMENT,
                r.launchedOn().plus(properties.watchPeriod()), r.installed(), r.failures(),
                per100(r.failures(), r.installed()), r.lastFailureAt(), r.findings())).toList(),
                rows.page(), rows.size(), rows.totalItems());
    }

    public record Submitted(SurveyFinding finding, boolean created) {
    }

    /** After-sales' written survey of a model whose launch is known; the same Idempotency-Key returns the same one. */
    @Transactional
    public Submitted submitFindings(String model, NewProductRequests.FindingsRequest request, String idempotencyKey,
                                    String actor) {
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotency.claim("survey-finding", idempotencyKey, id);
        if (earlier.isPresent()) {
            return new Submitted(repository.finding(earlier.get()).orElseThrow(), false);
        }
        if (launchOf(model).isEmpty()) {
            throw new NotFoundException("no launch is known of model " + model);
        }
        SurveyFinding finding = new SurveyFinding(id, model, request.findings().strip(), request.customersSurveyed(),
                actor, clock.instant());
        repository.insertFinding(finding);
        log.info("Survey finding {} of model {} submitted by {}", id, model, actor);
        return new Submitted(finding, true);
    }

    public PageOf<SurveyFinding> findings(String model, Paging paging) {
        return repository.findings(model, paging);
    }

    /** Failures per 100 installed units, two decimals; null without an installed base. */
    static BigDecimal per100(long failures, long installed) {
        return installed == 0 ? null
                : BigDecimal.valueOf(failures * 100L).divide(BigDecimal.valueOf(installed), 2, RoundingMode.HALF_UP);
    }
}
