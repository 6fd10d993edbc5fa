package com.opensvc.aftersales.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** What a field of a type must be, in the words of the API, never a Java class ("must be a UUID"). */
final class ExpectedValue {
    static final String FALLBACK = "has a value of the wrong type or format";

    private ExpectedValue() {
    }

    static String of(Class<?> type) {
        if (type == null) {
            return FALLBACK;
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == byte.class || type == Byte.class
                || type == BigInteger.class) {
            return "must be a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == BigDecimal.class || Number.class.isAssignableFrom(type)) {
            return "must be a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type == LocalDate.class) {
            return "must be a date like 2026-12-01";
        }
        if (type == LocalDateTime.class) {
            return "must be a date and time like 2026-12-01T09:30:00";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "must be a date and time with a zone offset like 2026-12-01T09:30:00Z";
        }
        if (type == LocalTime.class) {
            return "must be a time like 09:30";
        }
        if (type == YearMonth.class) {
            return "must be a month like 2026-12";
        }
        if (type == Year.class) {
            return "must be a year like 2026";
        }
        if (type == Duration.class) {
            return "must be a duration like PT2H";
        }
        if (type == Period.class) {
            return "must be a period like P30D";
        }
        if (ZoneId.class.isAssignableFrom(type)) {
            return "must be a time zone like Europe/Berlin";
        }
        if (type == Currency.class) {
            return "must be a currency code like EUR";
        }
        if (type == String.class || type == char.class || type == Character.class
                || CharSequence.class.isAssignableFrom(type)) {
            return "must be text";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "must be an object";
        }
        return FALLBACK;
    }
}
