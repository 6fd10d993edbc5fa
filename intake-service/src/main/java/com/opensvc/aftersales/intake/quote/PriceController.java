package com.opensvc.aftersales.intake.quote;

import java.math.BigDecimal;
import java.time.Clock;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.IfMatch;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/**
 * INT-08 price lists intake keeps for quoting. PUT creates or replaces one entry; with {@code If-Match} the
 * replacement only happens at that version (412 otherwise). Every response carries the entry's ETag.
 */
@RestController
@Validated
@RequestMapping("/api/intake/prices")
@RequiredArgsConstructor
public class PriceController {
    private static final String KEY = "[A-Za-z0-9][A-Za-z0-9._/-]{0,63}";
    private static final String READERS = "hasAnyRole('FRONT_DESK', 'CUSTOMER_MANAGER', 'SUPERVISOR', 'MANAGER', 'FINANCE', 'STOREKEEPER')";

    private final PriceRepository prices;
    private final Clock clock;

    public record PartPriceInput(@Size(max = 200) String description,
                                 @NotNull @PositiveOrZero @Digits(integer = 10, fraction = 2) BigDecimal cataloguePrice,
                                 @NotNull @PositiveOrZero @Digits(integer = 10, fraction = 2) BigDecimal costPrice) {
    }

    public record LabourRateInput(@Size(max = 200) String description,
                                  @NotNull @PositiveOrZero @Digits(integer = 10, fraction = 2) BigDecimal hourlyRate) {
    }

    public record TravelPriceInput(@Size(max = 200) String description,
                                   @NotNull @PositiveOrZero @Digits(integer = 10, fraction = 2) BigDecimal price) {
    }

    /** INT-08: the storekeeper sets part prices (finance sets the service prices: labour and travel). */
    @PutMapping("/parts/{partNumber}")
    @PreAuthorize("hasRole('STOREKEEPER')")
    public ResponseEntity<Prices.PartPrice> setPart(@PathVariable @Pattern(regexp = KEY) String partNumber,
                                                    @Valid @RequestBody PartPriceInput input,
                                                    @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        prices.upsertPart(partNumber, input.description(), input.cataloguePrice(), input.costPrice(),
                IfMatch.optionalExpectedVersion(ifMatch), clock.instant(), CurrentUser.name())
                .orElseThrow(() -> new IfMatch.StaleVersionException("part price " + partNumber));
        return part(partNumber);
    }

    @GetMapping("/parts/{partNumber}")
    @PreAuthorize(READERS)
    public ResponseEntity<Prices.PartPrice> part(@PathVariable String partNumber) {
        Prices.PartPrice price = prices.part(partNumber).orElseThrow(() -> new NotFoundException("no price for part " + partNumber));
        return ResponseEntity.ok().eTag(IfMatch.etag(price.version())).body(price);
    }

    @GetMapping("/parts")
    @PreAuthorize(READERS)
    public Prices.Page<Prices.PartPrice> parts(@Paging.DefaultSize(50) Paging paging) {
        return Prices.Page.of(prices.parts(paging));
    }

    @PutMapping("/labour/{code}")
    @PreAuthorize("hasRole('FINANCE')")
    public ResponseEntity<Prices.LabourRate> setLabour(@PathVariable @Pattern(regexp = KEY) String code,
                                                       @Valid @RequestBody LabourRateInput input,
                                                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        prices.upsertLabour(code, input.description(), input.hourlyRate(), IfMatch.optionalExpectedVersion(ifMatch),
                clock.instant(), CurrentUser.name()).orElseThrow(() -> new IfMatch.StaleVersionException("labour rate " + code));
        return labour(code);
    }

    @GetMapping("/labour/{code}")
    @PreAuthorize(READERS)
    public ResponseEntity<Prices.LabourRate> labour(@PathVariable String code) {
        Prices.LabourRate rate = prices.labour(code).orElseThrow(() -> new NotFoundException("no labour rate " + code));
        return ResponseEntity.ok().eTag(IfMatch.etag(rate.version())).body(rate);
    }

    @GetMapping("/labour")
    @PreAuthorize(READERS)
    public Prices.Page<Prices.LabourRate> labourRates(@Paging.DefaultSize(50) Paging paging) {
        return Prices.Page.of(prices.labourRates(paging));
    }

    @PutMapping("/travel/{zone}")
    @PreAuthorize("hasRole('FINANCE')")
    public ResponseEntity<Prices.TravelPrice> setTravel(@PathVariable @Pattern(regexp = KEY) String zone,
                                                        @Valid @RequestBody TravelPriceInput input,
                                                        @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        prices.upsertTravel(zone, input.description(), input.price(), IfMatch.optionalExpectedVersion(ifMatch),
                clock.instant(), CurrentUser.name()).orElseThrow(() -> new IfMatch.StaleVersionException("travel price " + zone));
        return travel(zone);
    }

    @GetMapping("/travel/{zone}")
    @PreAuthorize(READERS)
    public ResponseEntity<Prices.TravelPrice> travel(@PathVariable String zone) {
        Prices.TravelPrice price = prices.travel(zone).orElseThrow(() -> new NotFoundException("no travel price " + zone));
        return ResponseEntity.ok().eTag(IfMatch.etag(price.version())).body(price);
    }

    @GetMapping("/travel")
    @PreAuthorize(READERS)
    public Prices.Page<Prices.TravelPrice> travelPrices(@Paging.DefaultSize(50) Paging paging) {
        return Prices.Page.of(prices.travelPrices(paging));
    }
}
