package com.opensvc.aftersales.intake.ticket;

import java.util.Comparator;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.opensvc.aftersales.intake.customer.Address;
import com.opensvc.aftersales.intake.customer.Contact;
import com.opensvc.aftersales.intake.customer.Customer;
import com.opensvc.aftersales.intake.customer.CustomerService;

import lombok.RequiredArgsConstructor;

/**
 * DSP-02, RPT-02: who the technician meets and where, as dispatch needs it on the service dispatch slip; it travels on
 * TicketAccepted. Phones never leave intake on an event (other company systems read the topics); the address is
 * personal data that consumers never log (SEC-04), hence no field in {@link #toString()}.
 */
public record SiteContact(String customerName, String contactName, String address) {

    @Override
    public String toString() {
        return "SiteContact[***]";
    }

    /** The ticket's contact (or the customer's primary one) and the customer's primary address. */
    @Component
    @RequiredArgsConstructor
    static class Resolver {
        private final CustomerService customers;

        SiteContact of(Ticket ticket) {
            Customer customer = customers.find(ticket.customerId()).orElse(null);
            if (customer == null) {
                return null;
            }
            UUID contactId = ticket.contactId();
            Contact contact = customer.contacts().stream().filter(c -> c.id().equals(contactId)).findFirst()
                    .orElse(customer.primaryContact());
            Address address = customer.addresses().stream()
                    .min(Comparator.comparing((Address a) -> !a.primary())).orElse(null);
            return new SiteContact(customer.name(), contact == null ? null : contact.name(),
                    address == null ? null : oneLine(address));
        }

        private static String oneLine(Address a) {
            StringBuilder line = new StringBuilder(a.line() == null ? "" : a.line());
            for (String part : new String[] {a.postalCode(), a.city()}) {
                if (part != null && !part.isBlank()) {
                    line.append(line.isEmpty() ? "" : ", ").append(part);
                }
            }
            return line.isEmpty() ? null : line.toString();
        }
    }
}
