package com.opensvc.aftersales.intake.customer;

import java.util.UUID;

/** A person to call at the customer. The phone is personal data: never logged (SEC-04). */
public record Contact(UUID id, String name, String phone, String email, String role, boolean primary) {
    @Override
    public String toString() {
        return "Contact[id=" + id + ", name=" + name + ", phone=***, email=***, role=" + role + "]";
    }
}
