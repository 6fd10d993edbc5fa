package com.opensvc.aftersales.intake.customer.transfer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a customer sheet, in export order (RPT-04). An import matches header cells by name, ignoring
 * case, spaces, '_' and '-', and accepts a few other names for the same column; the order does not matter.
 * {@link #key()} names the column in row errors: {@code rows[7].contactPhone}.
 */
public enum CustomerColumn {
    ID("id", "Customer ID", "id", "customer id"),
    NAME("name", "Name", "customer name", "customer"),
    CLASS("class", "Class", "customer class"),
    REGION("region", "Region", "customer region"),
    BLOCKED("blocked", "Blocked"),
    GROUPS("groups", "Groups", "group", "customer groups"),
    CONTACT_NAME("contactName", "Contact name", "primary contact name", "contact"),
    CONTACT_PHONE("contactPhone", "Contact phone", "primary contact phone", "phone", "telephone", "mobile"),
    EMAIL("email", "Email", "e-mail", "contact email"),
    ADDRESS("address", "Address", "primary address line", "address line", "primary address"),
    CITY("city", "City"),
    ADDRESS_REGION("addressRegion", "Address region"),
    POSTAL_CODE("postalCode", "Postal code", "postcode", "zip", "zip code"),
    NOTE("note", "Note", "notes", "remark", "remarks");

    /** An import needs these; every other column may be left out (and is then left unchanged on update). */
    public static final List<CustomerColumn> REQUIRED = List.of(NAME, CONTACT_PHONE);
    /** The longest cell accepted; longer cells are refused before any other check (the note allows 2000). */
    public static final int MAX_CELL_LENGTH = 2000;

    private final String key;
    private final String header;
    private final List<String> names;

    CustomerColumn(String key, String header, String... otherNames) {
        this.key = key;
        this.header = header;
        this.names = java.util.stream.Stream.concat(java.util.stream.Stream.of(key, header),
                java.util.Arrays.stream(otherNames)).map(CustomerColumn::normalised).distinct().toList();
    }

    public String key() {
        return key;
    }

    public String header() {
        return header;
    }

    public static List<String> headers() {
        return java.util.Arrays.stream(values()).map(CustomerColumn::header).toList();
    }

    public static Optional<CustomerColumn> byHeader(String cell) {
        String name = normalised(cell);
        for (CustomerColumn column : values()) {
            if (column.names.contains(name)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    static String normalised(String header) {
        return header == null ? "" : header.replace("\uFEFF", "").replaceAll("[\\s_\\-]", "").toLowerCase(Locale.ROOT);
    }
}
