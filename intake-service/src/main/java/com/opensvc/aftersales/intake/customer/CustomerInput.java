package com.opensvc.aftersales.intake.customer;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A customer as the desk enters or edits it. On update the lists say what the customer has now: a contact or
 * address with an {@code id} (one of the customer's) is changed in place, one without an id is new unless it has
 * the phone (contacts) or line (addresses) of a stored one that no other entry names, and a stored one the lists no
 * longer hold is removed — a contact a ticket refers to is retired instead, so the ticket keeps it.
 */
public record CustomerInput(
        @NotBlank @Size(max = 200) String name,
        CustomerClass customerClass,
        @Size(max = 100) String region,
        @Size(max = 2000) String note,
        @NotEmpty @Size(max = 20) List<@NotNull @Valid ContactInput> contacts,
        @Size(max = 20) List<@NotNull @Valid AddressInput> addresses,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> groups) {

    public static final String PHONE_PATTERN = "\\+?[0-9][0-9 ()-]{5,30}";

    public record ContactInput(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = PHONE_PATTERN, message = "must be a phone number") String phone,
            @Email @Size(max = 200) String email,
            @Size(max = 100) String role,
            Boolean primary,
            UUID id) {
        /** A contact without an id: a new one (or, on update, the stored one with the same phone). */
        public ContactInput(String name, String phone, String email, String role, Boolean primary) {
            this(name, phone, email, role, primary, null);
        }

        public boolean isPrimary() {
            return Boolean.TRUE.equals(primary);
        }

        @Override
        public String toString() {
            return "ContactInput[id=" + id + ", name=" + name + ", phone=***]";
        }
    }

    public record AddressInput(
            @Size(max = 50) String label,
            @NotBlank @Size(max = 500) String line,
            @Size(max = 100) String city,
            @Size(max = 100) String region,
            @Size(max = 20) String postalCode,
            Boolean primary,
            UUID id) {
        /** An address without an id: a new one (or, on update, the stored one with the same line). */
        public AddressInput(String label, String line, String city, String region, String postalCode, Boolean primary) {
            this(label, line, city, region, postalCode, primary, null);
        }

        public boolean isPrimary() {
            return Boolean.TRUE.equals(primary);
        }

        @Override
        public String toString() {
            return "AddressInput[id=" + id + ", label=" + label + ", region=" + region + "]";
        }
    }

    public List<AddressInput> addressesOrEmpty() {
        return addresses == null ? List.of() : addresses;
    }

    public List<String> groupsOrEmpty() {
        return groups == null ? List.of() : groups.stream().map(String::trim).distinct().toList();
    }

    public CustomerClass classOrDefault() {
        return customerClass == null ? CustomerClass.C : customerClass;
    }
}
