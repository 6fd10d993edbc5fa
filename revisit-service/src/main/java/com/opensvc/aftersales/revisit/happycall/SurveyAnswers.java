package com.opensvc.aftersales.revisit.happycall;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.exc.MismatchedInputException;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * REV-04: the happy-call questions. The answers are read strictly: a scale answer is one of the four names (never a
 * number, which Jackson would otherwise take as the position in the scale), and whether the charge was reasonable is
 * a JSON boolean (never {@code "yes"}, {@code "true"} or {@code 1}); anything else is a 400 naming the field.
 */
public record SurveyAnswers(@NotNull @JsonDeserialize(using = Scale.class) Satisfaction serviceQuality,
                            @NotNull @JsonDeserialize(using = Scale.class) Satisfaction technicalSkill,
                            @NotNull @JsonDeserialize(using = YesNo.class) Boolean chargeReasonable,
                            @NotNull @JsonDeserialize(using = Scale.class) Satisfaction punctuality,
                            @NotNull @JsonDeserialize(using = Scale.class) Satisfaction overall,
                            @Size(max = 2000) String comment) {

    /** A four-point scale answer: only its name as a JSON string. */
    static final class Scale extends ValueDeserializer<Satisfaction> {
        @Override
        public Satisfaction deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                String text = p.getString();
                for (Satisfaction answer : Satisfaction.values()) {
                    if (answer.name().equals(text)) {
                        return answer;
                    }
                }
            }
            throw MismatchedInputException.from(p, Satisfaction.class, "not an answer on the four-point scale");
        }
    }

    /** A yes/no answer: only a JSON {@code true} or {@code false}. */
    static final class YesNo extends ValueDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) {
            return switch (p.currentToken()) {
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                default -> throw MismatchedInputException.from(p, Boolean.class, "not a JSON boolean");
            };
        }
    }
}
