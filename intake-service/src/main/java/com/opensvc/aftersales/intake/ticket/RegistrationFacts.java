package com.opensvc.aftersales.intake.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.opensvc.aftersales.intake.IntakeProperties;
import com.opensvc.aftersales.intake.customer.Contact;
import com.opensvc.aftersales.intake.customer.Customer;
import com.opensvc.aftersales.intake.customer.CustomerClass;
import com.opensvc.aftersales.intake.customer.CustomerInput;
import com.opensvc.aftersales.intake.customer.CustomerService;
import com.opensvc.aftersales.intake.customer.PhoneKey;
import com.opensvc.aftersales.intake.entitlement.Assessment;
import com.opensvc.aftersales.intake.entitlement.EntitlementAssessor;
import com.opensvc.aftersales.intake.entitlement.ProductDates;
import com.opensvc.aftersales.intake.installedbase.InstalledProduct;
import com.opensvc.aftersales.intake.installedbase.InstalledProductInput;
import com.opensvc.aftersales.intake.installedbase.InstalledProductService;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.InvalidFieldException.FieldError;

/**
 * What a registration is about once the request is checked against intake's records: the customer (existing or
 * created inline), the contact, the installed product (named, found by serial, or added to the installed base,
 * INT-24), the dates that start its warranty and the entitlement they give on the day it is reported (INT-06), and
 * whether quality must report on it (INT-05).
 */
record RegistrationFacts(Customer customer, UUID contactId, UUID installedProductId, String productLine,
                         String serialNumber, ProductDates dates, LocalDate reportedOn, Assessment assessment,
                         boolean qualityMustReport) {

    @Component
    static class Resolver {
        private final CustomerService customers;
        private final InstalledProductService installedBase;
        private final EntitlementAssessor entitlements;
        private final TicketProperties properties;
        private final ZoneId zone;

        Resolver(CustomerService customers, InstalledProductService installedBase, EntitlementAssessor entitlements,
                 TicketProperties properties, IntakeProperties intake) {
            this.customers = customers;
            this.installedBase = installedBase;
            this.entitlements = entitlements;
            this.properties = properties;
            this.zone = intake.zone();
        }

        /** The facts of a registration at {@code now}; "today" (the day the fault is reported) is the company's. */
        RegistrationFacts resolve(RegisterTicketRequest request, Instant now, String actor) {
            LocalDate today = LocalDate.ofInstant(now, zone);
            List<FieldError> errors = new ArrayList<>();
            checkRequest(request, today, errors);
            Customer existing = null;
            if (request.customer().id() != null) {
                existing = customers.find(request.customer().id()).orElse(null);
                if (existing == null) {
                    errors.add(new FieldError("customer.id", "is not a known customer"));
                }
            }
            InstalledProduct product = null;
            if (request.installedProductId() != null) {
                product = installedBase.find(request.installedProductId()).orElse(null);
                if (product == null) {
                    errors.add(new FieldError("installedProductId", "is not in the installed base"));
                }
            } else if (hasText(request.serialNumber())) {
                product = installedBase.findBySerial(request.serialNumber()).orElse(null);
            }
            if (product != null) {
                checkAgainstInstalledBase(request, product, errors);
            }
            if (!errors.isEmpty()) {
                throw new InvalidFieldException(errors);
            }
            Customer customer = existing != null ? existing : createInline(request, actor);
            UUID contactId = contactFor(customer, request.customer().phone());
            if (product == null && hasText(request.serialNumber())) {
                product = installedBase.findOrAdd(new InstalledProductInput(customer.id(), null, request.productModel(),
                        installedBase.productLineOf(request.productModel(), request.productLine()),
                        request.serialNumber(), request.factoryDate(), request.shipDate(), request.saleDate(),
                        request.installationAcceptanceDate(), null, Map.of()), actor);
            }
            boolean qualityMustReport = properties.qualityChannels().contains(request.channel());
            String service = request.serviceTypeOrDefault().name();
            if (product == null) {
                String productLine = installedBase.productLineOf(request.productModel(), request.productLine());
                ProductDates dates = new ProductDates(request.shipDate(), request.saleDate(),
                        request.installationAcceptanceDate());
                return new RegistrationFacts(customer, contactId, null, productLine, null, dates, today,
                        entitlements.assess(dates, productLine, request.productModel(), null, service, today),
                        qualityMustReport);
            }
            return new RegistrationFacts(customer, contactId, product.id(), product.productLine(),
                    product.serialNumber(), product.dates(), today, entitlements.assess(product.dates(),
                    product.productLine(), request.productModel(), product.serviceContractId(), service, today),
                    qualityMustReport);
        }

        private static void checkRequest(RegisterTicketRequest request, LocalDate today, List<FieldError> errors) {
            RegisterTicketRequest.CustomerRef ref = request.customer();
            if (ref.id() == null) {
                if (!hasText(ref.name())) {
                    errors.add(new FieldError("customer.name", "is required for a new customer (or give customer.id)"));
                }
                if (!hasText(ref.phone())) {
                    errors.add(new FieldError("customer.phone", "a contact phone is required for a new customer"));
                }
            }
            TicketKind kind = request.kindOrDefault();
            if (request.category() != null && !kind.allows(request.category())) {
                errors.add(new FieldError("category", request.category() + " is not a category of " + kind + "; one of "
                        + kind.categories()));
            }
            if (request.category() == null && kind.defaultCategory() == null) {
                errors.add(new FieldError("category", "is required for a " + kind + "; one of " + kind.categories()));
            }
            String referral = Referrer.problem(request.channel(), request.referredBy());
            if (referral != null) {
                errors.add(new FieldError("referredBy", referral));
            }
            if (kind == TicketKind.OUTREACH) {
                errors.add(new FieldError("kind", "outreach tickets are opened by defect campaigns, not registered"));
            }
            future("factoryDate", request.factoryDate(), today, errors);
            future("shipDate", request.shipDate(), today, errors);
            future("saleDate", request.saleDate(), today, errors);
            future("installationAcceptanceDate", request.installationAcceptanceDate(), today, errors);
        }

        /** INT-07: a serial or model that does not match the installed-base record is refused, naming the field. */
        private static void checkAgainstInstalledBase(RegisterTicketRequest request, InstalledProduct product,
                                                      List<FieldError> errors) {
            if (hasText(request.serialNumber()) && !request.serialNumber().trim().equals(product.serialNumber())) {
                errors.add(new FieldError("serialNumber", "does not match the installed product's serial number"));
            }
            if (!request.productModel().equals(product.productModel())) {
                errors.add(new FieldError("productModel", "the installed base records serial " + product.serialNumber()
                        + " as model " + product.productModel()));
            }
        }

        private Customer createInline(RegisterTicketRequest request, String actor) {
            RegisterTicketRequest.CustomerRef ref = request.customer();
            return customers.create(new CustomerInput(ref.name().trim(),
                    ref.customerClass() == null ? CustomerClass.C : ref.customerClass(), ref.region(), null,
                    List.of(new CustomerInput.ContactInput(ref.name().trim(), ref.phone(), null, null, true)),
                    List.of(), List.of()), null, actor).customer();
        }

        /** The contact the caller gave by phone, else the customer's primary contact. */
        private static UUID contactFor(Customer customer, String phone) {
            if (hasText(phone)) {
                String key = PhoneKey.of(phone);
                for (Contact contact : customer.contacts()) {
                    if (PhoneKey.of(contact.phone()).equals(key)) {
                        return contact.id();
                    }
                }
            }
            Contact primary = customer.primaryContact();
            return primary == null ? null : primary.id();
        }

        private static void future(String field, LocalDate date, LocalDate today, List<FieldError> errors) {
            if (date != null && date.isAfter(today)) {
                errors.add(new FieldError(field, "must not be in the future"));
            }
        }

        private static boolean hasText(String text) {
            return text != null && !text.isBlank();
        }
    }
}
