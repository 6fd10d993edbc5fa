package com.opensvc.aftersales.intake.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.idempotency.IdempotencyKeys;
import com.opensvc.aftersales.web.IfMatch;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

@Service
@RequiredArgsConstructor
public class CustomerService {
    private static final Logger log = LoggerFactory.getLogger(CustomerService.class);

    private final CustomerRepository customers;
    private final IdempotencyKeys idempotency;
    private final Clock clock;

    public record Created(Customer customer, boolean created) {
    }

    @Transactional
    public Created create(CustomerInput input, String idempotencyKey, String actor) {
        UUID id = UUID.randomUUID();
        var earlier = idempotency.claim("customer", idempotencyKey, id);
        if (earlier.isPresent()) {
            return new Created(get(earlier.get()), false);
        }
        requireValid(input, null);
        customers.insert(id, input, clock.instant(), actor);
        log.info("Customer {} created by {}", id, actor);
        return new Created(get(id), true);
    }

    @Transactional
    public Customer update(UUID id, int expectedVersion, CustomerInput input, String actor) {
        Customer current = get(id);
        IfMatch.require(expectedVersion, current.version(), "customer " + id);
        requireValid(input, current);
        if (!customers.update(id, expectedVersion, input, clock.instant(), actor)) {
            throw new IfMatch.StaleVersionException("customer " + id, get(id).version());
        }
        return get(id);
    }

    /** INT-20: flag a customer (abusive, unpaid fees); their new tickets need a supervisor before acceptance. */
    @Transactional
    public Customer block(UUID id, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidFieldException("reason", "must say why the customer is blocked");
        }
        requireFound(customers.setBlocked(id, true, reason.trim(), clock.instant(), actor), id);
        log.info("Customer {} blocked by {}", id, actor);
        return get(id);
    }

    @Transactional
    public Customer unblock(UUID id, String actor) {
        requireFound(customers.setBlocked(id, false, null, clock.instant(), actor), id);
        log.info("Customer {} unblocked by {}", id, actor);
        return get(id);
    }

    /** SEC-05: a recorded soft delete; the customer's tickets and history stay. */
    @Transactional
    public void delete(UUID id, String actor) {
        requireFound(customers.softDelete(id, clock.instant(), actor), id);
        log.info("Customer {} soft-deleted by {}", id, actor);
    }

    public Customer get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("no customer " + id));
    }

    /** The customer unless unknown or deleted. */
    public Optional<Customer> find(UUID id) {
        return customers.find(id);
    }

    public boolean exists(UUID id) {
        return customers.exists(id);
    }

    /** Customers with a contact whose phone has this phone's key (INT-24). */
    public List<Customer> findByPhone(String phone) {
        return customers.findByPhone(phone);
    }

    public PageOf<Customer> search(CustomerFilter filter, Paging paging) {
        return customers.search(filter, paging);
    }

    /** The customers with these ids that exist and are not deleted, in one batch (RPT-04 imports). */
    public List<Customer> findAll(Collection<UUID> ids) {
        return customers.findAll(ids);
    }

    /** RPT-04 exports: the customers after {@code after} in id order that match the filter, a page at a time. */
    public List<Customer> exportPage(CustomerFilter filter, UUID after, int size) {
        return customers.exportPage(filter, after, size);
    }

    /** RPT-04 imports: a new customer from a checked sheet row, in the import's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void importNew(CustomerInput input, Instant at, String actor) {
        customers.insert(UUID.randomUUID(), input, at, actor);
    }

    /** RPT-04 imports: a changed customer; false when it changed meanwhile (its version moved on). */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean importChange(UUID id, int expectedVersion, CustomerInput input, Instant at, String actor) {
        return customers.update(id, expectedVersion, input, at, actor);
    }

    /**
     * At most one primary contact and address; a contact's or address's {@code id} names one of this customer's
     * (a new customer's have none yet), each at most once.
     */
    private static void requireValid(CustomerInput input, Customer current) {
        List<InvalidFieldException.FieldError> errors = new ArrayList<>();
        checkIds("contacts", input.contacts().stream().map(CustomerInput.ContactInput::id).toList(),
                current == null ? Set.of() : current.contacts().stream().map(Contact::id).collect(Collectors.toSet()),
                "contact", errors);
        checkIds("addresses", input.addressesOrEmpty().stream().map(CustomerInput.AddressInput::id).toList(),
                current == null ? Set.of() : current.addresses().stream().map(Address::id).collect(Collectors.toSet()),
                "address", errors);
        if (input.contacts().stream().filter(CustomerInput.ContactInput::isPrimary).count() > 1) {
            errors.add(new InvalidFieldException.FieldError("contacts", "at most one contact can be primary"));
        }
        if (input.addressesOrEmpty().stream().filter(CustomerInput.AddressInput::isPrimary).count() > 1) {
            errors.add(new InvalidFieldException.FieldError("addresses", "at most one address can be primary"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
    }

    private static void checkIds(String list, List<UUID> given, Set<UUID> known, String what,
                                 List<InvalidFieldException.FieldError> errors) {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            UUID id = given.get(i);
            if (id == null) {
                continue;
            }
            String field = list + "[" + i + "].id";
            if (!known.contains(id)) {
                errors.add(new InvalidFieldException.FieldError(field,
                        "is not one of this customer's " + list + " (leave it empty for a new " + what + ")"));
            } else if (!seen.add(id)) {
                errors.add(new InvalidFieldException.FieldError(field, "names the same " + what + " twice"));
            }
        }
    }

    private static void requireFound(boolean changed, UUID id) {
        if (!changed) {
            throw new NotFoundException("no customer " + id);
        }
    }
}
