package com.opensvc.aftersales.quality.campaign;

/** Patterns for free text: no NUL or other control characters, no bidirectional overrides (terminal and RTL tricks). */
final class Text {
    /** One line: no control character at all. */
    static final String LINE = "[^\\x00-\\x1F\\x7F\\u202A-\\u202E\\u2066-\\u2069]*";
    /** Several lines: tab, line feed and carriage return allowed. */
    static final String LINES = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\u202A-\\u202E\\u2066-\\u2069]*";
    static final String MESSAGE = "must not contain control characters";

    private Text() {
    }
}
