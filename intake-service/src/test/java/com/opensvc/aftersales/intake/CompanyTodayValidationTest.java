package com.opensvc.aftersales.intake;

import static com.opensvc.aftersales.intake.Tickets.phoneTicket;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.hibernate.validator.HibernateValidator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.intake.ticket.RegisterTicketRequest;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/** INT-02's dates "in the past or present" are judged by the company's calendar, whatever the server's zone. */
class CompanyTodayValidationTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 17:00 UTC on 1 December is already 2 December in Shanghai. */
    private static final Clock EVENING_UTC = Clock.fixed(Instant.parse("2026-12-01T17:00:00Z"), ZoneOffset.UTC);

    private static Validator validator() {
        Configuration<?> configuration = Validation.byProvider(HibernateValidator.class).configure();
        new CompanyTodayValidation().companyTodayForValidation(EVENING_UTC, new IntakeProperties(SHANGHAI))
                .customize(configuration);
        ValidatorFactory factory = configuration.buildValidatorFactory();
        return factory.getValidator();
    }

    private static RegisterTicketRequest shippedOn(String date) {
        return JsonMapper.builder().build().convertValue(phoneTicket("SN-TZ", date), RegisterTicketRequest.class);
    }

    @Test
    @DisplayName("INT-02 a ship date of today in the company's zone is accepted while UTC is still on yesterday")
    void INT02_shipDateTodayInTheCompanyZone() {
        assertThat(validator().validate(shippedOn("2026-12-02"))).isEmpty();
    }

    @Test
    @DisplayName("INT-02 a ship date after the company's today is refused, naming shipDate")
    void INT02_shipDateAfterTheCompanysToday() {
        assertThat(validator().validate(shippedOn("2026-12-03")))
                .extracting(violation -> violation.getPropertyPath().toString()).containsExactly("shipDate");
    }
}
