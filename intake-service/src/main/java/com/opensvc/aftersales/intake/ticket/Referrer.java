package com.opensvc.aftersales.intake.ticket;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * INT-01 INT-05 QLT-03: who forwarded an {@link Channel#INTERNAL_REFERRAL} to after-sales — a salesperson or another
 * department (seed 000: 按月向各市场业务员提出, 次月初由质检部回复各业务员: quality answers each salesperson's reported
 * failures early the next month, so it must know who reported them). A name on one line and the department.
 */
public record Referrer(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[^\\r\\n]*", message = "must be one line") String name,
        @NotNull Department department) {

    /** The department the referrer works in. */
    public enum Department {
        SALES, ENGINEERING, PRODUCTION, QUALITY, PURCHASING, WAREHOUSE, LOGISTICS, AFTER_SALES, OTHER
    }

    /** The name as stored: without surrounding blanks. */
    Referrer normalized() {
        return new Referrer(name.strip(), department);
    }

    /**
     * A registration names its referrer exactly when its channel is INTERNAL_REFERRAL: required then (who referred
     * it), refused otherwise (only a referral has a referrer). The violation names {@code referredBy}.
     */
    @Documented
    @Constraint(validatedBy = FitsChannel.Check.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface FitsChannel {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        /** The check on {@link RegisterTicketRequest}. */
        class Check implements ConstraintValidator<FitsChannel, RegisterTicketRequest> {
            @Override
            public boolean isValid(RegisterTicketRequest request, ConstraintValidatorContext context) {
                String problem = problem(request.channel(), request.referredBy());
                if (problem == null) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(problem).addPropertyNode("referredBy")
                        .addConstraintViolation();
                return false;
            }
        }
    }

    /** What is wrong with {@code referredBy} for {@code channel}, or null when it fits (or the channel is missing). */
    static String problem(Channel channel, Referrer referredBy) {
        if (channel == Channel.INTERNAL_REFERRAL && referredBy == null) {
            return "is required for an INTERNAL_REFERRAL: who referred it (name and department)";
        }
        if (channel != null && channel != Channel.INTERNAL_REFERRAL && referredBy != null) {
            return "is only for channel INTERNAL_REFERRAL: only a referral has a referrer";
        }
        return null;
    }
}
