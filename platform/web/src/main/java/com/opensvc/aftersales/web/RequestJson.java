package com.opensvc.aftersales.web;

import com.fasterxml.jackson.annotation.Nulls;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * How a request body is read: the service's {@link JsonMapper}, stricter. Only the server's JSON message converter
 * reads with it (events and responses keep the service's mapper). Every rule fails the read with a
 * {@link Rejected} or a Jackson mismatch that carries the field's path, so {@link ProblemReports} names the field:
 * <ul>
 * <li>every string value and map key follows {@link InputRules} (no control characters);</li>
 * <li>{@code LocalDate}, {@code LocalDateTime}, {@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime} and
 * {@code YearMonth} lie in the years 0001–9999;</li>
 * <li>{@code null} inside a list, array or map is refused ({@code contacts: [null]});</li>
 * <li>a fractional number for a whole-number field is refused, not truncated ({@code quantity: 1.5}).</li>
 * </ul>
 */
public final class RequestJson {
    private RequestJson() {
    }

    /** The request-reading mapper built from the service's own. */
    public static JsonMapper mapper(JsonMapper serviceMapper) {
        return serviceMapper.rebuild()
                .addModule(module())
                .changeDefaultNullHandling(n -> n.withContentNulls(Nulls.FAIL))
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("aftersales-request-input");
        module.addDeserializer(String.class, new CheckedString());
        module.addKeyDeserializer(String.class, new CheckedKey());
        module.setDeserializerModifier(new YearRange());
        return module;
    }

    /** A value the platform's input rules refuse; the message says what the field must be, in plain words. */
    public static final class Rejected extends MismatchedInputException {
        Rejected(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    /** Every string value: Jackson's own reading, then the control-character scan. */
    static final class CheckedString extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            String value = super.deserialize(p, ctxt);
            if (value != null && InputRules.hasForbiddenCharacter(value)) {
                throw new Rejected(p, InputRules.CONTROL_CHARACTER);
            }
            return value;
        }
    }

    /** Every string map key. */
    static final class CheckedKey extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws JacksonException {
            if (key != null && InputRules.hasForbiddenCharacter(key)) {
                throw new Rejected(ctxt.getParser(), "has a key that " + InputRules.CONTROL_CHARACTER);
            }
            return key;
        }
    }

    /** Wraps the deserializer of each bounded date and time type with the year check. */
    static final class YearRange extends ValueDeserializerModifier {
        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier beanDesc,
                                                       ValueDeserializer<?> deserializer) {
            return InputRules.isBoundedTemporal(beanDesc.getBeanClass()) ? new YearChecked(deserializer) : deserializer;
        }
    }

    static final class YearChecked extends DelegatingDeserializer {
        YearChecked(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> newDelegatee) {
            return new YearChecked(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            return checked(p, super.deserialize(p, ctxt));
        }

        private static Object checked(JsonParser p, Object value) {
            if (InputRules.isOutOfYearRange(value)) {
                throw new Rejected(p, InputRules.YEAR_RANGE);
            }
            return value;
        }
    }
}
