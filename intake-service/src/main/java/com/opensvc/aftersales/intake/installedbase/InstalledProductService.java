package com.opensvc.aftersales.intake.installedbase;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.idempotency.IdempotencyKeys;
import com.opensvc.aftersales.intake.customer.CustomerService;
import com.opensvc.aftersales.intake.entitlement.EntitlementProperties;
import com.opensvc.aftersales.intake.entitlement.ModelTerms;
import com.opensvc.aftersales.web.IfMatch;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.InvalidFieldException.FieldError;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

@Service
@RequiredArgsConstructor
public class InstalledProductService {
    private final InstalledProductRepository products;
    private final CustomerService customers;
    private final ContractHolders contracts;
    private final EntitlementProperties catalogue;
    private final InstalledBaseProperties properties;
    private final IdempotencyKeys idempotency;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public record Created(InstalledProduct product, boolean created) {
    }

    @Transactional
    public Created create(InstalledProductInput input, String idempotencyKey, String actor) {
        UUID id = UUID.randomUUID();
        var earlier = idempotency.claim("installed-product", idempotencyKey, id);
        if (earlier.isPresent()) {
            return new Created(get(earlier.get()), false);
        }
        String productLine = validate(input, null);
        products.insert(id, input, productLine, clock.instant(), actor);
        return new Created(get(id), true);
    }

    /** Edits with If-Match; changed dates, model or contract make the product's open tickets recompute entitlement. */
    @Transactional
    public InstalledProduct update(UUID id, int expectedVersion, InstalledProductInput input, String actor) {
        InstalledProduct current = products.findForUpdate(id).orElseThrow(() -> notFound(id));
        IfMatch.require(expectedVersion, current.version(), "installed product " + id);
        String productLine = validate(input, id);
        products.update(id, expectedVersion, input, productLine, clock.instant(), actor);
        InstalledProduct updated = get(id);
        if (!Objects.equals(current.dates(), updated.dates()) || !Objects.equals(current.productModel(), updated.productModel())
                || !Objects.equals(current.productLine(), updated.productLine())
                || !Objects.equals(current.serviceContractId(), updated.serviceContractId())) {
            events.publishEvent(new InstalledProductChanged(id, actor));
        }
        return updated;
    }

    /**
     * PRT-03: quality records (replaces) the product's production inspection record, with If-Match; the new version
     * is published in {@code InstalledProductRecorded} and kept in the product's history.
     */
    @Transactional
    public InstalledProduct setProductionRecord(UUID id, int expectedVersion, ProductionRecordInput input,
                                                String actor) {
        InstalledProduct current = products.findForUpdate(id).orElseThrow(() -> notFound(id));
        IfMatch.require(expectedVersion, current.version(), "installed product " + id);
        Instant now = clock.instant();
        products.setProductionRecord(id, expectedVersion, productionRecord(input, actor, now), now, actor);
        return get(id);
    }

    /**
     * The record as stored: text trimmed; each component has a serial number or a factory date (what parts matches a
     * returned old part against), no part number and serial number twice, no component made after the inspection.
     */
    static ProductionRecord productionRecord(ProductionRecordInput input, String actor, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        String batch = optionalText(input.productionBatch(), "productionBatch", errors);
        String inspector = optionalText(input.inspector(), "inspector", errors);
        List<ProductionRecord.Component> components = new ArrayList<>();
        Map<List<String>, Integer> seen = new HashMap<>();
        for (int i = 0; i < input.components().size(); i++) {
            ProductionRecordInput.ComponentInput given = input.components().get(i);
            String field = "components[" + i + "].";
            String serial = optionalText(given.serialNumber(), field + "serialNumber", errors);
            if (serial == null && given.serialNumber() == null && given.factoryDate() == null) {
                errors.add(new FieldError(field + "serialNumber",
                        "a component needs its serialNumber or its factoryDate (or both)"));
            }
            String partNumber = given.partNumber().trim();
            if (serial != null) {
                Integer earlier = seen.putIfAbsent(List.of(partNumber, serial), i);
                if (earlier != null) {
                    errors.add(new FieldError(field + "serialNumber", "part " + partNumber + " with this serial number"
                            + " is already components[" + earlier + "]"));
                }
            }
            if (given.factoryDate() != null && input.inspectedOn() != null
                    && given.factoryDate().isAfter(input.inspectedOn())) {
                errors.add(new FieldError(field + "factoryDate", "must not be after inspectedOn"));
            }
            components.add(new ProductionRecord.Component(partNumber, serial, given.factoryDate()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return new ProductionRecord(batch, input.inspectedOn(), inspector, components, actor, now);
    }

    /** Trimmed text, null when absent; blank text is refused (leave the field out instead). */
    private static String optionalText(String value, String field, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank; leave it out when unknown"));
            return null;
        }
        return value.trim();
    }

    /**
     * INT-24: a product that arrives for repair and is not in the installed base is added to it. Returns the
     * existing product for a known serial.
     */
    @Transactional
    public InstalledProduct findOrAdd(InstalledProductInput input, String actor) {
        return products.findBySerial(input.serialNumber()).orElseGet(() -> {
            UUID id = UUID.randomUUID();
            products.insert(id, input, validate(input, null), clock.instant(), actor);
            return get(id);
        });
    }

    /** The product line of a model: the catalogue's when it lists the model, else the one given. */
    public String productLineOf(String productModel, String givenProductLine) {
        ModelTerms model = catalogue.model(productModel);
        return model != null ? model.productLine() : givenProductLine;
    }

    private String validate(InstalledProductInput input, UUID self) {
        List<FieldError> errors = new ArrayList<>();
        ModelTerms model = catalogue.model(input.productModel());
        String productLine = productLineOf(input.productModel(), input.productLine());
        if (model != null && input.productLine() != null && !input.productLine().equals(model.productLine())) {
            errors.add(new FieldError("productLine", "model " + input.productModel() + " belongs to product line "
                    + model.productLine()));
        }
        if (productLine == null || productLine.isBlank()) {
            errors.add(new FieldError("productLine", "is required for a model the catalogue does not list"));
        }
        if (!customers.exists(input.customerId())) {
            errors.add(new FieldError("customerId", "is not a known customer"));
        }
        if (input.endUserCustomerId() != null && !customers.exists(input.endUserCustomerId())) {
            errors.add(new FieldError("endUserCustomerId", "is not a known customer"));
        }
        if (input.serviceContractId() != null) {
            UUID holder = contracts.holderOf(input.serviceContractId()).orElse(null);
            if (holder == null) {
                errors.add(new FieldError("serviceContractId", "is not a known service contract"));
            } else if (!holder.equals(input.customerId()) && !holder.equals(input.endUserCustomerId())) {
                errors.add(new FieldError("serviceContractId", "belongs to another customer"));
            }
        }
        products.findBySerial(input.serialNumber()).filter(p -> !p.id().equals(self)).ifPresent(p ->
                errors.add(new FieldError("serialNumber", "is already in the installed base as product " + p.id())));
        if (input.factoryDate() != null && input.shipDate() != null && input.shipDate().isBefore(input.factoryDate())) {
            errors.add(new FieldError("shipDate", "must not be before factoryDate"));
        }
        if (input.shipDate() != null && input.installationAcceptanceDate() != null
                && input.installationAcceptanceDate().isBefore(input.shipDate())) {
            errors.add(new FieldError("installationAcceptanceDate", "must not be before shipDate"));
        }
        for (String name : input.extraFieldsOrEmpty().keySet()) {
            if (properties.slotOf(name) < 0) {
                errors.add(new FieldError("extraFields." + name, "is not a configured extra field "
                        + properties.extraFields()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return productLine;
    }

    public InstalledProduct get(UUID id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    public Optional<InstalledProduct> find(UUID id) {
        return products.find(id);
    }

    public Optional<InstalledProduct> findBySerial(String serialNumber) {
        return products.findBySerial(serialNumber);
    }

    /** Products the customer bought or uses (INT-24: the end user where it differs from the buyer), newest first. */
    public List<InstalledProduct> ofCustomer(UUID customerId, int limit) {
        return products.ofCustomer(customerId, limit);
    }

    /** SEC-03: every version of the product, oldest first. */
    public PageOf<InstalledProductRepository.HistoryEntry> history(UUID id, Paging paging) {
        get(id);
        return products.history(id, paging);
    }

    public PageOf<InstalledProduct> search(InstalledProductRepository.Filter filter, Paging paging) {
        if (filter.extraField() != null && properties.slotOf(filter.extraField()) < 0) {
            throw new InvalidFieldException("extraField", "is not a configured extra field " + properties.extraFields());
        }
        if ((filter.extraField() == null) != (filter.extraValue() == null)) {
            throw new InvalidFieldException(filter.extraField() == null ? "extraField" : "extraValue",
                    "extraField and extraValue go together");
        }
        return products.search(filter, paging);
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("no installed product " + id);
    }
}
