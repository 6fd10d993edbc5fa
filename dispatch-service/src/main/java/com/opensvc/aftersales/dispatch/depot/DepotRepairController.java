package com.opensvc.aftersales.dispatch.depot;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.dispatch.depot.DepotRepairRepository.LoanerUnit;
import com.opensvc.aftersales.dispatch.depot.DepotRepairRepository.StepView;
import com.opensvc.aftersales.dispatch.depot.DepotRepairService.Actor;
import com.opensvc.aftersales.dispatch.workorder.RecordVisitRequest.PartUsed;
import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.IfMatch;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/**
 * DSP-07 carry-in and depot repair: the return authorisation, the receive → repair → test → return steps, the factory
 * trip and the loaner units. The supervisor and the work order's assigned technician (SEC-02) act; the storekeeper
 * records what goes in and out of the store (receipt, factory shipment and return, return, loaner back).
 */
@RestController
@Validated
@RequiredArgsConstructor
public class DepotRepairController {
    private static final String BASE = "/api/dispatch/depot-repairs";
    private static final String WORKERS = "hasAnyRole('SUPERVISOR', 'TECHNICIAN')";
    private static final String WORKERS_AND_STORE = "hasAnyRole('SUPERVISOR', 'TECHNICIAN', 'STOREKEEPER')";
    private static final String READERS = "hasAnyRole('SUPERVISOR', 'TECHNICIAN', 'STOREKEEPER', 'MANAGER', 'SERVICE_DIRECTOR')";

    private final DepotRepairService service;

    public record AuthoriseRequest(@NotNull UUID workOrderId, @NotNull DepotOption option,
                                   @NotNull DepotArrival arrival, Boolean equipmentMustKeepWorking) {
    }

    public record ReceiptRequest(@Size(max = 100) String exchangeUnitSerial, @Size(max = 100) String loanerUnitSerial,
                                 @Size(max = 2000) String notes) {
    }

    public record RepairRequest(@NotBlank @Size(max = 2000) String symptom, @NotBlank @Size(max = 64) String causeCode,
                                @NotBlank @Size(max = 4000) String actions,
                                @NotNull @Size(max = 50) List<@Valid PartUsed> partsUsed,
                                @NotNull @Min(0) @Max(7 * 24 * 60) Integer labourMinutes) {
    }

    public record TestRequest(@NotNull Boolean passed, @Size(max = 2000) String notes) {
    }

    public record ShipmentRequest(@NotBlank @Size(max = 100) String carrier, @Size(max = 100) String trackingNumber) {
    }

    public record NotesRequest(@Size(max = 2000) String notes) {
    }

    /** {@code postagePaidBy}, when given, must be COMPANY: DSP-07, the company pays the return postage. */
    public record ReturnRequest(@Size(max = 100) String carrier, @Size(max = 100) String trackingNumber,
                                @Pattern(regexp = "COMPANY", message = "must be COMPANY: the company pays the return postage (DSP-07)")
                                String postagePaidBy,
                                @DecimalMin("0.00") @DecimalMax("99999999.99") @Digits(integer = 8, fraction = 2)
                                BigDecimal postageCost,
                                @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as CNY") String currency) {
    }

    public record LoanerKeptRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    /** DSP-07: the work order becomes a depot repair; 201 with its return authorisation number ({@code rmaNumber}). */
    @PostMapping(BASE)
    @PreAuthorize(WORKERS)
    public ResponseEntity<DepotRepair> authorise(@Valid @RequestBody AuthoriseRequest request) {
        DepotRepair repair = service.authorise(request.workOrderId(), new DepotRepairService.Authorisation(
                request.option(), request.arrival(), Boolean.TRUE.equals(request.equipmentMustKeepWorking())), actor());
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(BASE + "/" + repair.id()))
                .eTag(IfMatch.etag(repair.version())).body(repair);
    }

    /** {@code overdue=true}: received, not handed to the carrier, past the target (DSP-07); a technician sees their own. */
    @GetMapping(BASE)
    @PreAuthorize(READERS)
    public PageOf<DepotRepair> search(@RequestParam(required = false) DepotRepairState state,
                                      @RequestParam(defaultValue = "false") boolean overdue,
                                      @RequestParam(required = false) UUID workOrderId,
                                      @Paging.DefaultSize(50) Paging paging) {
        return service.search(state, overdue, workOrderId, actor(), paging);
    }

    @GetMapping(BASE + "/{id}")
    @PreAuthorize(READERS)
    public ResponseEntity<DepotRepair> get(@PathVariable UUID id) {
        return withEtag(service.get(id, actor()));
    }

    /** SEC-03: the steps with actor and time, oldest first. */
    @GetMapping(BASE + "/{id}/steps")
    @PreAuthorize(READERS)
    public PageOf<StepView> steps(@PathVariable UUID id, @Paging.DefaultSize(50) Paging paging) {
        return service.steps(id, actor(), paging);
    }

    @PostMapping(BASE + "/{id}/receipt")
    @PreAuthorize(WORKERS_AND_STORE)
    public ResponseEntity<DepotRepair> receive(@PathVariable UUID id,
                                               @Valid @RequestBody(required = false) ReceiptRequest request) {
        ReceiptRequest r = request == null ? new ReceiptRequest(null, null, null) : request;
        return withEtag(service.receive(id, r.exchangeUnitSerial(), r.loanerUnitSerial(), r.notes(), actor()));
    }

    @PostMapping(BASE + "/{id}/repair")
    @PreAuthorize(WORKERS)
    public ResponseEntity<DepotRepair> repair(@PathVariable UUID id, @Valid @RequestBody RepairRequest request) {
        return withEtag(service.repair(id, request.symptom(), request.causeCode(), request.actions(),
                request.partsUsed(), request.labourMinutes(), actor()));
    }

    /** A failed test sends it back to repair (the notes say what failed). */
    @PostMapping(BASE + "/{id}/test")
    @PreAuthorize(WORKERS)
    public ResponseEntity<DepotRepair> test(@PathVariable UUID id, @Valid @RequestBody TestRequest request) {
        return withEtag(service.test(id, request.passed(), request.notes(), actor()));
    }

    @PostMapping(BASE + "/{id}/factory-shipment")
    @PreAuthorize(WORKERS_AND_STORE)
    public ResponseEntity<DepotRepair> shipToFactory(@PathVariable UUID id,
                                                     @Valid @RequestBody ShipmentRequest request) {
        return withEtag(service.shipToFactory(id, request.carrier(), request.trackingNumber(), actor()));
    }

    @PostMapping(BASE + "/{id}/factory-return")
    @PreAuthorize(WORKERS_AND_STORE)
    public ResponseEntity<DepotRepair> backFromFactory(@PathVariable UUID id,
                                                       @Valid @RequestBody(required = false) NotesRequest request) {
        return withEtag(service.backFromFactory(id, request == null ? null : request.notes(), actor()));
    }

    /** Handed to the carrier: the clock stops, the work order closes (RepairClosed); postage on the company. */
    @PostMapping(BASE + "/{id}/return")
    @PreAuthorize(WORKERS_AND_STORE)
    public ResponseEntity<DepotRepair> returnProduct(@PathVariable UUID id, @Valid @RequestBody ReturnRequest request) {
        return withEtag(service.returnProduct(id, request.carrier(), request.trackingNumber(), request.postageCost(),
                request.currency(), actor()));
    }

    @PostMapping(BASE + "/{id}/loaner-return")
    @PreAuthorize(WORKERS_AND_STORE)
    public ResponseEntity<DepotRepair> loanerReturned(@PathVariable UUID id,
                                                      @Valid @RequestBody(required = false) NotesRequest request) {
        return withEtag(service.loanerReturned(id, request == null ? null : request.notes(), actor()));
    }

    /** The supervisor decides the customer keeps the loaner unit; the depot repair can then close. */
    @PostMapping(BASE + "/{id}/loaner-kept")
    @PreAuthorize("hasRole('SUPERVISOR')")
    public ResponseEntity<DepotRepair> loanerKept(@PathVariable UUID id,
                                                  @Valid @RequestBody LoanerKeptRequest request) {
        return withEtag(service.loanerKept(id, request.reason(), actor()));
    }

    /** {@code out=true}: the loaner units not back yet; {@code out=false}: those back; neither: all. */
    @GetMapping("/api/dispatch/loaner-units")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'STOREKEEPER', 'MANAGER', 'SERVICE_DIRECTOR')")
    public PageOf<LoanerUnit> loaners(@RequestParam(required = false) Boolean out,
                                      @Paging.DefaultSize(50) Paging paging) {
        return service.loaners(out, paging);
    }

    private static ResponseEntity<DepotRepair> withEtag(DepotRepair repair) {
        return ResponseEntity.ok().eTag(IfMatch.etag(repair.version())).body(repair);
    }

    /** Only a technician (not also a supervisor, manager or storekeeper) is held to their own orders (SEC-02). */
    private static Actor actor() {
        boolean technicianOnly = CurrentUser.hasRole("TECHNICIAN") && !CurrentUser.hasRole("SUPERVISOR")
                && !CurrentUser.hasRole("MANAGER") && !CurrentUser.hasRole("STOREKEEPER")
                && !CurrentUser.hasRole("SERVICE_DIRECTOR");
        return new Actor(CurrentUser.name(), technicianOnly);
    }
}
