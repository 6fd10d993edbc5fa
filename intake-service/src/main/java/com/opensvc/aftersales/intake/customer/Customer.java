package com.opensvc.aftersales.intake.customer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer (INT-20, INT-24): many contacts, many addresses, a class, groups, and the blocked flag — a blocked
 * customer's tickets still register but need a supervisor before acceptance.
 */
public record Customer(UUID id, String name, CustomerClass customerClass, String region, String note,
                       List<Contact> contacts, List<Address> addresses, List<String> groups, boolean blocked,
                       String blockedReason, String blockedBy, Instant blockedAt, int version, Instant createdAt,
                       String createdBy, Instant updatedAt, String updatedBy) {

    public Contact primaryContact() {
        return contacts.stream().filter(Contact::primary).findFirst().orElse(contacts.isEmpty() ? null : contacts.get(0));
    }
}
