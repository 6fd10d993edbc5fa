package com.opensvc.aftersales.intake.ticket;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.intake.customer.CustomerClass;
import com.opensvc.aftersales.intake.customer.CustomerInput;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * INT-02: what registration needs: a customer (existing by id, or created inline with a contact phone), the product
 * model, the fault or complaint, the channel. Serial, ship date and region are needed before dispatch, not now. An
 * installed product is named by id, or found by serial number; a serial the installed base does not know is added
 * to it (INT-24). {@code firstContactAt} is when the customer first got in touch (SLA-01), if before registration.
 * {@code referredBy}: who forwarded an INTERNAL_REFERRAL (INT-01, QLT-03) — required for that channel, refused for
 * the others ({@link Referrer.FitsChannel}).
 */
@Referrer.FitsChannel
public record RegisterTicketRequest(
        @NotNull @Valid CustomerRef customer,
        UUID installedProductId,
        @NotBlank @Size(max = 100) String productModel,
        @Size(max = 100) String productLine,
        @Size(max = 100) String serialNumber,
        @PastOrPresent LocalDate factoryDate,
        @PastOrPresent LocalDate shipDate,
        @PastOrPresent LocalDate saleDate,
        @PastOrPresent LocalDate installationAcceptanceDate,
        @NotBlank @Size(max = 4000) String faultDescription,
        @NotNull Channel channel,
        TicketKind kind,
        TicketCategory category,
        Classification classification,
        ServiceType serviceType,
        Priority priority,
        @Size(max = 50) List<@Valid ExpectedPart> expectedParts,
        @Size(max = 10) List<@NotBlank @Size(max = 100) String> complaintSubjects,
        Boolean majorComplaint,
        @PastOrPresent java.time.Instant firstContactAt,
        @Valid Referrer referredBy) {

    /** An existing customer by id, or a new one: name and contact phone. */
    public record CustomerRef(
            UUID id,
            @Size(max = 200) String name,
            @Pattern(regexp = CustomerInput.PHONE_PATTERN, message = "must be a phone number") String phone,
            @Size(max = 100) String region,
            CustomerClass customerClass) {

        /** Phones never reach logs (SEC-04). */
        @Override
        public String toString() {
            return "CustomerRef[id=" + id + ", name=" + name + ", phone=***, region=" + region + "]";
        }
    }

    public List<ExpectedPart> expectedPartsOrEmpty() {
        return expectedParts == null ? List.of() : expectedParts;
    }

    /** INT-12: the persons a complaint is about (staff user names), who may never handle it. */
    public List<String> complaintSubjectsOrEmpty() {
        return complaintSubjects == null ? List.of() : complaintSubjects.stream().map(String::trim).distinct().toList();
    }

    public TicketKind kindOrDefault() {
        return kind == null ? TicketKind.SERVICE_REQUEST : kind;
    }

    public Classification classificationOrDefault() {
        return classification == null ? Classification.AFTER_SALES : classification;
    }

    public ServiceType serviceTypeOrDefault() {
        return serviceType != null ? serviceType : kindOrDefault() == TicketKind.INQUIRY ? ServiceType.REMOTE : ServiceType.ON_SITE;
    }
}
