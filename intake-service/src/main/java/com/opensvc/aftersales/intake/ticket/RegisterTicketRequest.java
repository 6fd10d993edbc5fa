package com.opensvc.aftersales.intake.ticket;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** INT-02: what registration needs. Serial, ship date and region are needed before dispatch, not now. */
public record RegisterTicketRequest(
        @NotNull @Valid CustomerInput customer,
        @NotBlank @Size(max = 100) String productModel,
        @Size(max = 100) String productLine,
        @Size(max = 100) String serialNumber,
        @PastOrPresent LocalDate shipDate,
        @NotBlank @Size(max = 4000) String faultDescription,
        @NotNull Channel channel,
        @NotNull ServiceType serviceType,
        Priority priority,
        @Size(max = 50) List<@Valid ExpectedPart> expectedParts) {

    public record CustomerInput(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = "\\+?[0-9][0-9 ()-]{5,30}", message = "must be a phone number") String phone,
            @Size(max = 100) String region) {

        /** Phones never reach logs (SEC-04). */
        @Override
        public String toString() {
            return "CustomerInput[name=" + name + ", phone=***, region=" + region + "]";
        }
    }

    public List<ExpectedPart> expectedPartsOrEmpty() {
        return expectedParts == null ? List.of() : expectedParts;
    }
}
