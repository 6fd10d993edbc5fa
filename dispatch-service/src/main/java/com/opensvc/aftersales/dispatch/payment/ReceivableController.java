package com.opensvc.aftersales.dispatch.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.dispatch.charge.Money;
import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/** DSP-05: finance's view of what paid work orders still owe, and the collections finance records. */
@RestController
@Validated
@RequestMapping("/api/dispatch/receivables")
@RequiredArgsConstructor
public class ReceivableController {
    private final Receivables receivables;

    @GetMapping
    @PreAuthorize("hasAnyRole('FINANCE', 'SUPERVISOR', 'MANAGER')")
    public PageOf<Receivable> search(@RequestParam(required = false) ReceivableState state,
                                     @RequestParam(required = false) @Size(max = 100) String technicianId,
                                     Paging paging) {
        return receivables.search(state, technicianId, paging);
    }

    /** A receivable with the collections recorded against it, oldest first. */
    public record ReceivableWithCollections(Receivable receivable, List<Receivable.Collection> collections) {
    }

    @GetMapping("/{workOrderId}")
    @PreAuthorize("hasAnyRole('FINANCE', 'SUPERVISOR', 'MANAGER')")
    public ReceivableWithCollections get(@PathVariable UUID workOrderId) {
        return new ReceivableWithCollections(receivables.get(workOrderId), receivables.collections(workOrderId));
    }

    /**
     * @param reference  finance's reference, e.g. the bank slip or the cash receipt
     * @param receivedAt when the money was received; default now, never in the future
     */
    public record CollectionRequest(@NotNull @DecimalMin("0.01") @DecimalMax(Money.MAX)
                                    @Digits(integer = 7, fraction = 2, message = Money.TWO_DECIMALS) BigDecimal amount,
                                    @NotBlank @Size(max = 64) String reference, Instant receivedAt) {
    }

    /** Finance only: a collection against the order's receivable → {@code PaymentCollected}. */
    @PostMapping("/{workOrderId}/collections")
    @PreAuthorize("hasRole('FINANCE')")
    public ReceivableWithCollections collect(@PathVariable UUID workOrderId,
                                             @Valid @RequestBody CollectionRequest request) {
        receivables.collect(workOrderId, request.amount(), request.reference(), request.receivedAt(),
                CurrentUser.name());
        return get(workOrderId);
    }
}
