package com.opensvc.aftersales.intake.customer;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A customer as the desk enters or edits it; contacts and addresses replace the stored ones on update. */
public record CustomerInput(
        @NotBlank @Size(max = 200) String name,
        CustomerClass customerClass,
        @Size(max = 100) String region,
        @Size(max = 2000) String note,
        @NotEmpty @Size(max = 20) List<@Valid ContactInput> contacts,
        @Size(max = 20) List<@Valid AddressInput> addresses,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> groups) {

    public static final String PHONE_PATTERN = "\\+?[0-9][0-9 ()-]{5,30}";

    public record ContactInput(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = PHONE_PATTERN, message = "must be a phone number") String phone,
            @Email @Size(max = 200) String email,
            @Size(max = 100) String role,
            Boolean primary) {
        public boolean isPrimary() {
            return Boolean.TRUE.equals(primary);
        }

        @Override
        public String toString() {
            return "ContactInput[name=" + name + ", phone=***]";
        }
    }

    public record AddressInput(
            @Size(max = 50) String label,
            @NotBlank @Size(max = 500) String line,
            @Size(max = 100) String city,
            @Size(max = 100) String region,
            @Size(max = 20) String postalCode,
            Boolean primary) {
        public boolean isPrimary() {
            return Boolean.TRUE.equals(primary);
        }

        @Override
        public String toString() {
            return "AddressInput[label=" + label + ", region=" + region + "]";
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
