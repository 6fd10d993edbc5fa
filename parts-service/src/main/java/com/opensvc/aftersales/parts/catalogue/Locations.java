package com.opensvc.aftersales.parts.catalogue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.idempotency.IdempotencyKeys;
import com.opensvc.aftersales.web.IfMatch;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;
import com.opensvc.aftersales.web.StateConflictException;

import lombok.RequiredArgsConstructor;

/**
 * The stock locations (DOMAIN.md §5): the one central warehouse, the service-point stores and each technician's
 * holding, created by the storekeeper; a technician's holding is also created on first use, and each store's
 * in-transit and quarantine locations only on first use. The other features create and read locations only here.
 */
@Service
@RequiredArgsConstructor
public class Locations {
    static final String IDEMPOTENCY_RESOURCE = "location";
    /** Who created the locations the service makes on first use (SEC-03). */
    static final String SYSTEM = "system:parts";

    private final LocationRepository locations;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;

    public record Created(Location location, boolean created) {
    }

    /**
     * A location from the API ({@link NewLocation#checked()} has passed); 409 when the code exists or when it would be
     * a second CENTRAL. A repeated {@code Idempotency-Key} for the same code returns the location.
     */
    @Transactional
    public Created create(NewLocation input, String idempotencyKey, String actor) {
        input.checked();
        UUID id = UUID.nameUUIDFromBytes(("location:" + input.code()).getBytes(StandardCharsets.UTF_8));
        Optional<UUID> earlier = idempotencyKeys.claim(IDEMPOTENCY_RESOURCE, idempotencyKey, id);
        if (earlier.isPresent()) {
            if (!earlier.get().equals(id)) {
                throw new InvalidFieldException("Idempotency-Key", "was already used to create another location");
            }
            return new Created(get(input.code()), false);
        }
        Location location = new Location(input.code(), input.kind(), input.name(),
                input.kind() == LocationKind.TECHNICIAN ? input.technicianId() : null, null, 0, null, null);
        if (!locations.insert(location, actor, clock.instant())) {
            if (locations.find(input.code()).isPresent()) {
                throw new StateConflictException("location " + input.code(), "already there", "create it again");
            }
            String central = locations.central().orElse("?");
            throw new StateConflictException("the central warehouse", central,
                    "create a second CENTRAL location " + input.code());
        }
        return new Created(get(input.code()), true);
    }

    /** Only the name changes; If-Match with the version read (412 when stale). */
    @Transactional
    public Location rename(String code, String name, int expectedVersion, String actor) {
        Location current = locations.findForUpdate(code).orElseThrow(() -> notFound(code));
        IfMatch.require(expectedVersion, current.version(), "location " + code);
        locations.rename(code, name, actor, clock.instant());
        return get(code);
    }

    @Transactional(readOnly = true)
    public Optional<Location> find(String code) {
        return locations.find(code);
    }

    @Transactional(readOnly = true)
    public Location get(String code) {
        return find(code).orElseThrow(() -> notFound(code));
    }

    /** The location's kind; empty for an unknown code. */
    @Transactional(readOnly = true)
    public Optional<LocationKind> kind(String code) {
        return find(code).map(Location::kind);
    }

    @Transactional(readOnly = true)
    public PageOf<Location> list(LocationKind kind, Paging paging) {
        return locations.list(kind, paging);
    }

    /** The technician's holding {@code TECH-<login>}, created on first use (in the caller's transaction). */
    @Transactional
    public String ensureTechnicianHolding(String login) {
        String code = NewLocation.TECHNICIAN_PREFIX + login;
        locations.insert(new Location(code, LocationKind.TECHNICIAN, "Holding of " + login, login, null, 0, null,
                null), SYSTEM, clock.instant());
        return code;
    }

    /**
     * {@code TRANSIT-<store>}: where stock allocated or transferred to the store waits until it is received there,
     * created on first use. {@code store} must be a STORE or the CENTRAL warehouse (callers check it with {@link #kind}).
     */
    @Transactional
    public String transitTo(String store) {
        return internal("TRANSIT-", LocationKind.TRANSIT, "In transit to ", store);
    }

    /**
     * {@code QUARANTINE-<store>}: where parts returned unused to the store wait for inspection (PRT-03), created on
     * first use. {@code store} must be a STORE or the CENTRAL warehouse (callers check it with {@link #kind}).
     */
    @Transactional
    public String quarantineOf(String store) {
        return internal("QUARANTINE-", LocationKind.QUARANTINE, "Quarantine of ", store);
    }

    private String internal(String prefix, LocationKind kind, String namePrefix, String store) {
        LocationKind storeKind = kind(store).orElseThrow(() -> new IllegalArgumentException("no location " + store));
        if (!storeKind.shelf()) {
            throw new IllegalArgumentException(store + " is a " + storeKind + " location, not a store");
        }
        String code = prefix + store;
        locations.insert(new Location(code, kind, namePrefix + store, null, store, 0, null, null), SYSTEM,
                clock.instant());
        return code;
    }

    private static NotFoundException notFound(String code) {
        return new NotFoundException("no location " + code);
    }
}
