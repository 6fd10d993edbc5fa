package com.opensvc.aftersales.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * What every text and date of a request must be, wherever it comes from (JSON body, query parameter, path variable):
 * the one definition that {@link RequestJson} and {@link RequestParameterCheck} apply.
 * <ul>
 * <li>Text holds no NUL, no other C0 control character except TAB, LF and CR, no DEL, no C1 control character
 * (U+0080–U+009F) and no bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069): PostgreSQL refuses NUL,
 * and terminal escapes or a right-to-left override must not be stored verbatim in a name.</li>
 * <li>Dates and times lie in the years 0001–9999 (PostgreSQL has no year 0, and the edges of Java's range overflow
 * conversions).</li>
 * </ul>
 */
public final class InputRules {
    public static final String CONTROL_CHARACTER = "must not contain control characters (such as NUL, escape or a "
            + "right-to-left override)";
    public static final String YEAR_RANGE = "must lie in the years 0001 to 9999";
    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;

    private static final Set<Class<?>> BOUNDED_TEMPORALS = Set.of(LocalDate.class, LocalDateTime.class, Instant.class,
            OffsetDateTime.class, ZonedDateTime.class, YearMonth.class);

    private static final Instant FIRST_INSTANT = LocalDate.of(MIN_YEAR, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant LAST_INSTANT = LocalDate.of(MAX_YEAR + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC)
            .minusNanos(1);

    private InputRules() {
    }

    /** True when the text holds a character no text field may hold (a plain scan, no allocation). */
    public static boolean hasForbiddenCharacter(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (isForbidden(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static boolean isForbidden(char c) {
        if (c < 0x20) {
            return c != '\t' && c != '\n' && c != '\r';
        }
        if (c < 0x7F) {
            return false;
        }
        return c <= 0x9F                               // DEL and the C1 controls
                || (c >= 0x202A && c <= 0x202E)        // LRE, RLE, PDF, LRO, RLO
                || (c >= 0x2066 && c <= 0x2069);       // LRI, RLI, FSI, PDI
    }

    /** The text with every forbidden character written as {@code \\uXXXX}, e.g. to name a map key in a report. */
    public static String escaped(String text) {
        if (!hasForbiddenCharacter(text)) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isForbidden(c)) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The date and time types whose year must lie in 0001–9999. */
    public static boolean isBoundedTemporal(Class<?> type) {
        return BOUNDED_TEMPORALS.contains(type);
    }

    /** True when {@code value} is one of the bounded date and time types and its year is outside 0001–9999. */
    public static boolean isOutOfYearRange(Object value) {
        return switch (value) {
            case LocalDate d -> outside(d.getYear());
            case LocalDateTime t -> outside(t.getYear());
            case YearMonth m -> outside(m.getYear());
            case Instant i -> outside(i);
            case OffsetDateTime t -> outside(t.getYear()) || outside(t.toInstant());
            case ZonedDateTime t -> outside(t.getYear()) || outside(t.toInstant());
            case null, default -> false;
        };
    }

    private static boolean outside(Instant instant) {
        return instant.isBefore(FIRST_INSTANT) || instant.isAfter(LAST_INSTANT);
    }

    private static boolean outside(int year) {
        return year < MIN_YEAR || year > MAX_YEAR;
    }
}
