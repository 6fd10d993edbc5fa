package com.opensvc.aftersales.quality.defect;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.quality.defect.DefectEvent.DefectAnalysed;
import com.opensvc.aftersales.quality.defect.DefectEvent.DefectReclassified;
import com.opensvc.aftersales.quality.defect.DefectEvent.DefectRecorded;

/**
 * A defect record (QLT-01) and its transitions, each returning the {@link DefectChange} it causes: made from a closed
 * repair with a cause code or from a defective part received by the store, enriched with the unit's batch and factory
 * date and the ticket's region and customer; classified and corrected by quality (a new version each time); a record
 * whose product or part physically came back awaits its analysis, due within 7 days of receipt, and is analysed
 * (QLT-02).
 *
 * @param serialNumber the unit's serial (for a returned part: the repaired unit's, null when unknown)
 * @param failedAt     when the failure was reported (the source event's time): rolling windows count by it
 * @param receivedAt   when the returned product or part came back; null when nothing came back
 * @param analysedLate null until analysed; then whether the analysis came after its due time
 */
public record Defect(UUID id, UUID ticketId, UUID workOrderId, DefectSource source, String productModel,
                     String serialNumber, String productionBatch, LocalDate factoryDate, String partNumber,
                     String partSerial, LocalDate partFactoryDate, UUID loanId, String region, UUID customerId,
                     String failureMode, String cause, ResponsibleDepartment responsibleDepartment,
                     String responsibleProcess, String causingPartNumber, DefectState state, Instant failedAt,
                     Instant receivedAt, Instant analysisDueBy, String testResult, String conclusion,
                     String analysedBy, Instant analysedAt, Boolean analysedLate, String classifiedBy,
                     Instant classifiedAt, Instant recordedAt, int version) {
    /** A returned part's event without a symptom: the failure mode until quality classifies it. */
    static final String UNSPECIFIED_FAILURE_MODE = "UNSPECIFIED";
    /** A returned part's event without a cause code: the cause until the analysis establishes it. */
    static final String CAUSE_PENDING_ANALYSIS = "PENDING_ANALYSIS";

    /** What quality knows of the unit and the ticket when the record is made (any of it may be null). */
    record Context(String productionBatch, LocalDate factoryDate, String region, UUID customerId) {
        static final Context NONE = new Context(null, null, null, null);
    }

    /** QLT-01: the defect a closed repair reports; a returned, exchanged or carried-in unit awaits analysis (QLT-02). */
    static DefectChange fromRepair(RepairClosed repair, Context context, Duration analysisWithin, String actor,
                                   Instant now) {
        boolean cameBack = repair.productCameBack();
        Defect defect = builder().id(UUID.randomUUID()).ticketId(repair.ticketId()).workOrderId(repair.workOrderId())
                .source(DefectSource.REPAIR_CLOSED).productModel(repair.productModel().strip())
                .serialNumber(repair.serialNumber().strip()).productionBatch(context.productionBatch())
                .factoryDate(context.factoryDate()).region(context.region()).customerId(context.customerId())
                .failureMode(normalise(repair.symptom())).cause(repair.causeCode().strip())
                .state(cameBack ? DefectState.AWAITING_ANALYSIS : DefectState.NO_ANALYSIS_NEEDED)
                .failedAt(repair.occurredAt()).receivedAt(cameBack ? repair.occurredAt() : null)
                .analysisDueBy(cameBack ? repair.occurredAt().plus(analysisWithin) : null)
                .recordedAt(now).version(1).build();
        return recorded(defect, actor, cameBack ? "from repair; the unit came back" : "from repair");
    }

    /** QLT-01, QLT-02: the defect a returned part reports; its analysis is due within the time of its receipt. */
    static DefectChange fromReturnedPart(DefectivePartReceived part, String unitSerial, Context context,
                                         Duration analysisWithin, String actor, Instant now) {
        Defect defect = builder().id(UUID.randomUUID()).ticketId(part.ticketId()).workOrderId(part.workOrderId())
                .source(DefectSource.DEFECTIVE_PART_RECEIVED).productModel(part.productModel().strip())
                .serialNumber(blankToNull(unitSerial)).productionBatch(context.productionBatch())
                .factoryDate(context.factoryDate()).partNumber(part.partNumber().strip())
                .partSerial(blankToNull(part.serialNumber())).partFactoryDate(part.factoryDate()).loanId(part.loanId())
                .region(context.region()).customerId(context.customerId())
                .failureMode(isBlank(part.symptom()) ? UNSPECIFIED_FAILURE_MODE : normalise(part.symptom()))
                .cause(isBlank(part.causeCode()) ? CAUSE_PENDING_ANALYSIS : part.causeCode().strip())
                .state(DefectState.AWAITING_ANALYSIS).failedAt(part.occurredAt()).receivedAt(part.occurredAt())
                .analysisDueBy(part.occurredAt().plus(analysisWithin)).recordedAt(now).version(1).build();
        return recorded(defect, actor, "returned part " + defect.partNumber);
    }

    private static DefectChange recorded(Defect defect, String actor, String note) {
        DefectHistory history = new DefectHistory(defect.recordedAt, actor, "RECORDED", null, defect.state, null,
                defect.classification(), note);
        return new DefectChange(defect, true, history, List.of(defect.recordedEvent(actor)));
    }

    /** QLT-01: quality classifies or corrects the record (any state); a new version. */
    DefectChange classify(DefectClassification next, String note, String actor, Instant now) {
        Defect classified = toBuilder().failureMode(next.failureMode()).cause(next.cause())
                .responsibleDepartment(next.responsibleDepartment()).responsibleProcess(next.responsibleProcess())
                .causingPartNumber(next.causingPartNumber()).productionBatch(next.productionBatch())
                .factoryDate(next.factoryDate()).classifiedBy(actor).classifiedAt(now).version(version + 1).build();
        DefectHistory history = new DefectHistory(now, actor, "CLASSIFIED", state, state, classification(),
                classified.classification(), note);
        DefectReclassified event = new DefectReclassified(id, ticketId, workOrderId, productModel, serialNumber,
                classified.productionBatch, classified.factoryDate, classified.failureMode, classified.cause,
                classified.responsibleDepartment.name(), classified.responsibleProcess, classified.causingPartNumber,
                note, classified.version, actor, now);
        return new DefectChange(classified, false, history, List.of(event));
    }

    /** QLT-02: AWAITING_ANALYSIS → ANALYSED; late when after the due time. */
    DefectChange analyse(DefectAnalysisRequest analysis, String actor, Instant now) {
        DefectState next = state.requireTransitionTo(DefectState.ANALYSED,
                "record an analysis (only a returned product or part awaiting analysis is analysed)");
        boolean late = analysisDueBy != null && now.isAfter(analysisDueBy);
        Defect analysed = toBuilder().state(next).testResult(analysis.testResult().strip())
                .conclusion(analysis.conclusion().strip()).cause(analysis.cause().strip())
                .responsibleDepartment(analysis.responsibleDepartment())
                .responsibleProcess(blankToNull(analysis.responsibleProcess()))
                .causingPartNumber(blankToNull(analysis.causingPartNumber()))
                .failureMode(isBlank(analysis.failureMode()) ? failureMode : normalise(analysis.failureMode()))
                .analysedBy(actor).analysedAt(now).analysedLate(late).version(version + 1).build();
        DefectHistory history = new DefectHistory(now, actor, "ANALYSED", state, next, classification(),
                analysed.classification(), late ? "analysed after its due time" : null);
        DefectAnalysed event = new DefectAnalysed(id, ticketId, workOrderId, productModel, serialNumber,
                analysed.productionBatch, partNumber, analysed.failureMode, analysed.cause,
                analysed.responsibleDepartment.name(), analysed.responsibleProcess, analysed.causingPartNumber,
                analysed.testResult, analysed.conclusion, receivedAt, analysisDueBy, late, actor, now);
        return new DefectChange(analysed, false, history, List.of(event));
    }

    /** The classification as it now is (kept before and after each change). */
    public DefectClassification classification() {
        return new DefectClassification(failureMode, cause, responsibleDepartment, responsibleProcess,
                causingPartNumber, productionBatch, factoryDate);
    }

    DefectRecorded recordedEvent(String actor) {
        return new DefectRecorded(id, ticketId, workOrderId, productModel, serialNumber, failureMode, cause,
                source.name(), actor, recordedAt, productionBatch, factoryDate, partNumber, region, analysisDueBy);
    }

    /** In-process, for trend alerts and the new-product watch (QLT-06, QLT-07). */
    DefectLogged logged() {
        return new DefectLogged(id, ticketId, workOrderId, source.name(), productModel, serialNumber, productionBatch,
                factoryDate, failureMode, cause, partNumber, region, failedAt, recordedAt);
    }

    /** In-process, for supplier claims (QLT-09): the classification quality just gave. */
    DefectClassified classified(String actor, Instant at) {
        return new DefectClassified(id, ticketId, productModel, serialNumber, productionBatch, failureMode, cause,
                responsibleDepartment == null ? null : responsibleDepartment.name(), responsibleProcess,
                causingPartNumber, actor, at);
    }

    /** Trimmed, inner whitespace collapsed: "no  cooling " and "no cooling" are one failure mode. */
    static String normalise(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    static String blankToNull(String text) {
        return isBlank(text) ? null : text.strip();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).ticketId(ticketId).workOrderId(workOrderId).source(source)
                .productModel(productModel).serialNumber(serialNumber).productionBatch(productionBatch)
                .factoryDate(factoryDate).partNumber(partNumber).partSerial(partSerial)
                .partFactoryDate(partFactoryDate).loanId(loanId).region(region).customerId(customerId)
                .failureMode(failureMode).cause(cause).responsibleDepartment(responsibleDepartment)
                .responsibleProcess(responsibleProcess).causingPartNumber(causingPartNumber).state(state)
                .failedAt(failedAt).receivedAt(receivedAt).analysisDueBy(analysisDueBy).testResult(testResult)
                .conclusion(conclusion).analysedBy(analysedBy).analysedAt(analysedAt).analysedLate(analysedLate)
                .classifiedBy(classifiedBy).classifiedAt(classifiedAt).recordedAt(recordedAt).version(version);
    }

    /** Builds a record (the row mapper, transitions). */
    public static final class Builder {
        private UUID id;
        private UUID ticketId;
        private UUID workOrderId;
        private DefectSource source;
        private String productModel;
        private String serialNumber;
        private String productionBatch;
        private LocalDate factoryDate;
        private String partNumber;
        private String partSerial;
        private LocalDate partFactoryDate;
        private UUID loanId;
        private String region;
        private UUID customerId;
        private String failureMode;
        private String cause;
        private ResponsibleDepartment responsibleDepartment;
        private String responsibleProcess;
        private String causingPartNumber;
        private DefectState state;
        private Instant failedAt;
        private Instant receivedAt;
        private Instant analysisDueBy;
        private String testResult;
        private String conclusion;
        private String analysedBy;
        private Instant analysedAt;
        private Boolean analysedLate;
        private String classifiedBy;
        private Instant classifiedAt;
        private Instant recordedAt;
        private int version;

        private Builder() {
        }

        public Builder id(UUID id) {
            this.id = id;
            return this;
        }

        public Builder ticketId(UUID ticketId) {
            this.ticketId = ticketId;
            return this;
        }

        public Builder workOrderId(UUID workOrderId) {
            this.workOrderId = workOrderId;
            return this;
        }

        public Builder source(DefectSource source) {
            this.source = source;
            return this;
        }

        public Builder productModel(String productModel) {
            this.productModel = productModel;
            return this;
        }

        public Builder serialNumber(String serialNumber) {
            this.serialNumber = serialNumber;
            return this;
        }

        public Builder productionBatch(String productionBatch) {
            this.productionBatch = productionBatch;
            return this;
        }

        public Builder factoryDate(LocalDate factoryDate) {
            this.factoryDate = factoryDate;
            return this;
        }

        public Builder partNumber(String partNumber) {
            this.partNumber = partNumber;
            return this;
        }

        public Builder partSerial(String partSerial) {
            this.partSerial = partSerial;
            return this;
        }

        public Builder partFactoryDate(LocalDate partFactoryDate) {
            this.partFactoryDate = partFactoryDate;
            return this;
        }

        public Builder loanId(UUID loanId) {
            this.loanId = loanId;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder customerId(UUID customerId) {
            this.customerId = customerId;
            return this;
        }

        public Builder failureMode(String failureMode) {
            this.failureMode = failureMode;
            return this;
        }

        public Builder cause(String cause) {
            this.cause = cause;
            return this;
        }

        public Builder responsibleDepartment(ResponsibleDepartment responsibleDepartment) {
            this.responsibleDepartment = responsibleDepartment;
            return this;
        }

        public Builder responsibleProcess(String responsibleProcess) {
            this.responsibleProcess = responsibleProcess;
            return this;
        }

        public Builder causingPartNumber(String causingPartNumber) {
            this.causingPartNumber = causingPartNumber;
            return this;
        }

        public Builder state(DefectState state) {
            this.state = state;
            return this;
        }

        public Builder failedAt(Instant failedAt) {
            this.failedAt = failedAt;
            return this;
        }

        public Builder receivedAt(Instant receivedAt) {
            this.receivedAt = receivedAt;
            return this;
        }

        public Builder analysisDueBy(Instant analysisDueBy) {
            this.analysisDueBy = analysisDueBy;
            return this;
        }

        public Builder testResult(String testResult) {
            this.testResult = testResult;
            return this;
        }

        public Builder conclusion(String conclusion) {
            this.conclusion = conclusion;
            return this;
        }

        public Builder analysedBy(String analysedBy) {
            this.analysedBy = analysedBy;
            return this;
        }

        public Builder analysedAt(Instant analysedAt) {
            this.analysedAt = analysedAt;
            return this;
        }

        public Builder analysedLate(Boolean analysedLate) {
            this.analysedLate = analysedLate;
            return this;
        }

        public Builder classifiedBy(String classifiedBy) {
            this.classifiedBy = classifiedBy;
            return this;
        }

        public Builder classifiedAt(Instant classifiedAt) {
            this.classifiedAt = classifiedAt;
            return this;
        }

        public Builder recordedAt(Instant recordedAt) {
            this.recordedAt = recordedAt;
            return this;
        }

        public Builder version(int version) {
            this.version = version;
            return this;
        }

        public Defect build() {
            return new Defect(id, ticketId, workOrderId, source, productModel, serialNumber, productionBatch, factoryDate, partNumber, partSerial, partFactoryDate, loanId, region, customerId, failureMode, cause, responsibleDepartment, responsibleProcess, causingPartNumber, state, failedAt, receivedAt, analysisDueBy, testResult, conclusion, analysedBy, analysedAt, analysedLate, classifiedBy, classifiedAt, recordedAt, version);
        }
    }
}
