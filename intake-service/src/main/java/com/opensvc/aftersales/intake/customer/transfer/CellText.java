package com.opensvc.aftersales.intake.customer.transfer;

/**
 * Spreadsheet formula injection (CSV injection): a CSV cell starting with {@code = + - @} (or a tab or carriage
 * return) would be run as a formula when the file is opened in Excel. Exports prefix such cells with a single
 * quote; imports take that quote off again, so a phone "+86 …" survives the round trip. Excel (.xlsx) cells are
 * written as text cells, which Excel never evaluates, so they need no prefix.
 */
final class CellText {
    private CellText() {
    }

    static String forCsv(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return startsDangerous(value, 0) ? "'" + value : value;
    }

    /** A cell as read from an upload: trimmed, and without the quote an export put in front of a formula-like value. */
    static String fromSheet(String value) {
        if (value == null) {
            return "";
        }
        String trimmed = value.strip();
        if (trimmed.length() > 1 && trimmed.charAt(0) == '\'' && startsDangerous(trimmed, 1)) {
            return trimmed.substring(1);
        }
        return trimmed;
    }

    private static boolean startsDangerous(String value, int at) {
        char first = value.charAt(at);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
