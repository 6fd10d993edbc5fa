package com.opensvc.aftersales.intake.customer.transfer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.opensvc.aftersales.intake.customer.Address;
import com.opensvc.aftersales.intake.customer.Contact;
import com.opensvc.aftersales.intake.customer.Customer;
import com.opensvc.aftersales.intake.customer.CustomerClass;
import com.opensvc.aftersales.intake.customer.CustomerInput;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * The customer sheet of RPT-04: how a customer becomes a row of an export and how an imported row becomes a
 * customer. Plain Java; the bean constraints of {@link CustomerInput} are checked with the given validator, so
 * an imported customer obeys exactly the rules of one entered at the desk.
 */
final class CustomerSheet {
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern GROUP_SEPARATOR = Pattern.compile("[;；]");

    private final Map<CustomerColumn, Integer> positions;
    private final int width;

    private CustomerSheet(Map<CustomerColumn, Integer> positions, int width) {
        this.positions = positions;
        this.width = width;
    }

    // ---- export ----

    static List<String> exportCells(Customer customer) {
        Contact contact = customer.primaryContact();
        Address address = customer.addresses().stream().filter(Address::primary).findFirst()
                .orElse(customer.addresses().isEmpty() ? null : customer.addresses().get(0));
        List<String> cells = new ArrayList<>(CustomerColumn.values().length);
        for (CustomerColumn column : CustomerColumn.values()) {
            cells.add(switch (column) {
                case ID -> customer.id().toString();
                case NAME -> customer.name();
                case CLASS -> customer.customerClass().name();
                case REGION -> customer.region();
                case BLOCKED -> customer.blocked() ? "yes" : "no";
                case GROUPS -> String.join(";", customer.groups());
                case CONTACT_NAME -> contact == null ? null : contact.name();
                case CONTACT_PHONE -> contact == null ? null : contact.phone();
                case EMAIL -> contact == null ? null : contact.email();
                case ADDRESS -> address == null ? null : address.line();
                case CITY -> address == null ? null : address.city();
                case ADDRESS_REGION -> address == null ? null : address.region();
                case POSTAL_CODE -> address == null ? null : address.postalCode();
                case NOTE -> customer.note();
            });
        }
        return cells;
    }

    // ---- import ----

    /**
     * One valid imported row.
     *
     * @param id              the customer it updates, or null: a new customer
     * @param input           the customer as the row alone describes it (one primary contact, at most one address)
     * @param customerClass   the class cell, or null when it is blank
     * @param contactNameGiven whether the contact name came from the sheet (else it is the customer's name)
     */
    record ImportRow(int number, UUID id, CustomerInput input, CustomerClass customerClass, boolean contactNameGiven) {
    }

    /** Maps the header cells to columns; unknown, repeated and missing required columns are errors. */
    static CustomerSheet fromHeader(Sheet.Row header, RowErrors errors) {
        Map<CustomerColumn, Integer> positions = new EnumMap<>(CustomerColumn.class);
        for (int i = 0; i < header.cells().size(); i++) {
            String cell = header.cells().get(i);
            if (Sheet.isBlank(cell)) {
                continue;
            }
            var column = CustomerColumn.byHeader(cell);
            if (column.isEmpty()) {
                errors.add("header[" + (i + 1) + "]", "'" + abbreviated(cell.strip()) + "' is not a customer column; the columns are "
                        + String.join(", ", CustomerColumn.headers()));
            } else if (positions.putIfAbsent(column.get(), i) != null) {
                errors.add("header." + column.get().key(), column.get().header() + ": the column appears twice");
            }
        }
        if (header.width() > Sheet.MAX_KEPT_CELLS) {
            errors.add("header", "has " + header.width() + " columns; a customer sheet has " + CustomerColumn.values().length);
        }
        for (CustomerColumn required : CustomerColumn.REQUIRED) {
            if (!positions.containsKey(required)) {
                errors.add("header." + required.key(), required.header() + ": the column is missing (it is required)");
            }
        }
        return new CustomerSheet(positions, header.width());
    }

    boolean has(CustomerColumn column) {
        return positions.containsKey(column);
    }

    Set<CustomerColumn> columns() {
        return positions.keySet();
    }

    /** The row as a customer, or null after adding its errors. */
    ImportRow parse(Sheet.Row row, Validator validator, RowErrors errors) {
        int before = errors.total();
        int n = row.number();
        if (row.width() > width) {
            errors.add("rows[" + n + "]", "has " + row.width() + " cells but the header has " + width + " columns");
        }
        Map<CustomerColumn, String> values = new EnumMap<>(CustomerColumn.class);
        positions.forEach((column, position) -> {
            String value = CellText.fromSheet(row.cell(position));
            if (value.length() > CustomerColumn.MAX_CELL_LENGTH) {
                errors.add(n, column, "is longer than " + CustomerColumn.MAX_CELL_LENGTH + " characters");
                value = "";
            }
            values.put(column, value);
        });
        UUID id = null;
        String idText = values.getOrDefault(CustomerColumn.ID, "");
        if (!idText.isEmpty()) {
            if (UUID_TEXT.matcher(idText).matches()) {
                id = UUID.fromString(idText);
            } else {
                errors.add(n, CustomerColumn.ID, "is not a customer id (leave it empty for a new customer)");
            }
        }
        CustomerClass customerClass = null;
        String classText = values.getOrDefault(CustomerColumn.CLASS, "");
        if (!classText.isEmpty()) {
            try {
                customerClass = CustomerClass.valueOf(classText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(n, CustomerColumn.CLASS, "must be one of " + Arrays.toString(CustomerClass.values()));
            }
        }
        String name = values.getOrDefault(CustomerColumn.NAME, "");
        String contactName = values.getOrDefault(CustomerColumn.CONTACT_NAME, "");
        boolean contactNameGiven = !contactName.isEmpty();
        String line = values.getOrDefault(CustomerColumn.ADDRESS, "");
        String city = values.getOrDefault(CustomerColumn.CITY, "");
        String addressRegion = values.getOrDefault(CustomerColumn.ADDRESS_REGION, "");
        String postalCode = values.getOrDefault(CustomerColumn.POSTAL_CODE, "");
        List<CustomerInput.AddressInput> addresses = List.of();
        if (!line.isEmpty()) {
            addresses = List.of(new CustomerInput.AddressInput(null, line, blankToNull(city), blankToNull(addressRegion),
                    blankToNull(postalCode), true));
        } else if (!city.isEmpty() || !addressRegion.isEmpty() || !postalCode.isEmpty()) {
            errors.add(n, CustomerColumn.ADDRESS, "is required when City, Address region or Postal code is given");
        }
        CustomerInput input = new CustomerInput(name, customerClass, blankToNull(values.get(CustomerColumn.REGION)),
                blankToNull(values.get(CustomerColumn.NOTE)),
                List.of(new CustomerInput.ContactInput(contactNameGiven ? contactName : name,
                        values.getOrDefault(CustomerColumn.CONTACT_PHONE, ""),
                        blankToNull(values.get(CustomerColumn.EMAIL)), null, true)),
                addresses, groups(values.getOrDefault(CustomerColumn.GROUPS, "")));
        Set<String> reported = new LinkedHashSet<>();
        for (ConstraintViolation<CustomerInput> violation : sorted(validator.validate(input))) {
            String path = violation.getPropertyPath().toString();
            CustomerColumn column = columnOf(path);
            if (column == null || (path.equals("contacts[0].name") && !contactNameGiven)) {
                continue;
            }
            if (reported.add(column.key())) {
                errors.add(n, column, violation.getMessage());
            }
        }
        return errors.total() == before ? new ImportRow(n, id, input, customerClass, contactNameGiven) : null;
    }

    private static List<ConstraintViolation<CustomerInput>> sorted(Set<ConstraintViolation<CustomerInput>> violations) {
        return violations.stream().sorted(Comparator.comparing((ConstraintViolation<CustomerInput> v) -> v.getPropertyPath().toString())
                .thenComparing(ConstraintViolation::getMessage)).toList();
    }

    static CustomerColumn columnOf(String path) {
        if (path.startsWith("contacts[0].")) {
            return switch (path.substring("contacts[0].".length())) {
                case "name" -> CustomerColumn.CONTACT_NAME;
                case "phone" -> CustomerColumn.CONTACT_PHONE;
                case "email" -> CustomerColumn.EMAIL;
                default -> null;
            };
        }
        if (path.startsWith("addresses[0].")) {
            return switch (path.substring("addresses[0].".length())) {
                case "line" -> CustomerColumn.ADDRESS;
                case "city" -> CustomerColumn.CITY;
                case "region" -> CustomerColumn.ADDRESS_REGION;
                case "postalCode" -> CustomerColumn.POSTAL_CODE;
                default -> null;
            };
        }
        if (path.startsWith("groups")) {
            return CustomerColumn.GROUPS;
        }
        return switch (path) {
            case "name" -> CustomerColumn.NAME;
            case "region" -> CustomerColumn.REGION;
            case "note" -> CustomerColumn.NOTE;
            case "customerClass" -> CustomerColumn.CLASS;
            default -> null;
        };
    }

    static List<String> groups(String cell) {
        return GROUP_SEPARATOR.splitAsStream(cell).map(String::strip).filter(g -> !g.isEmpty()).distinct().toList();
    }

    // ---- updates ----

    /**
     * What an existing customer becomes when a row with its id is imported. Columns the sheet has replace the
     * stored values (a blank optional cell clears it; a blank class keeps the class); columns the sheet does not
     * have stay as they are. The row describes the primary contact and the primary address, which keep their ids
     * (a ticket refers to its contact); the other contacts and addresses are kept. Blank address cells leave the
     * addresses as they are.
     */
    CustomerInput merged(Customer existing, ImportRow row) {
        CustomerInput given = row.input();
        Contact primary = existing.primaryContact();
        CustomerInput.ContactInput givenContact = given.contacts().get(0);
        String contactName = row.contactNameGiven() ? givenContact.name()
                : primary != null ? primary.name() : given.name();
        CustomerInput.ContactInput newPrimary = new CustomerInput.ContactInput(contactName, givenContact.phone(),
                has(CustomerColumn.EMAIL) ? givenContact.email() : primary == null ? null : primary.email(),
                primary == null ? null : primary.role(), true, primary == null ? null : primary.id());
        List<CustomerInput.ContactInput> contacts = new ArrayList<>();
        for (Contact c : existing.contacts()) {
            contacts.add(c == primary ? newPrimary
                    : new CustomerInput.ContactInput(c.name(), c.phone(), c.email(), c.role(), false, c.id()));
        }
        if (primary == null) {
            contacts.add(0, newPrimary);
        }
        List<CustomerInput.AddressInput> addresses = new ArrayList<>(asInput(existing).addressesOrEmpty());
        if (!given.addressesOrEmpty().isEmpty()) {
            CustomerInput.AddressInput a = given.addressesOrEmpty().get(0);
            int at = primaryAddressIndex(existing);
            Address old = at < 0 ? null : existing.addresses().get(at);
            CustomerInput.AddressInput replacement = new CustomerInput.AddressInput(old == null ? null : old.label(), a.line(),
                    has(CustomerColumn.CITY) ? a.city() : old == null ? null : old.city(),
                    has(CustomerColumn.ADDRESS_REGION) ? a.region() : old == null ? null : old.region(),
                    has(CustomerColumn.POSTAL_CODE) ? a.postalCode() : old == null ? null : old.postalCode(), true,
                    old == null ? null : old.id());
            if (at < 0) {
                addresses.add(0, replacement);
            } else {
                addresses.set(at, replacement);
            }
        }
        return new CustomerInput(given.name(),
                row.customerClass() != null ? row.customerClass() : existing.customerClass(),
                has(CustomerColumn.REGION) ? given.region() : existing.region(),
                has(CustomerColumn.NOTE) ? given.note() : existing.note(),
                contacts, addresses,
                sortedGroups(has(CustomerColumn.GROUPS) ? given.groupsOrEmpty() : existing.groups()));
    }

    /** The customer as it is stored, in the shape {@link #merged} produces, to tell an unchanged row. */
    static CustomerInput asInput(Customer customer) {
        int primaryAddress = primaryAddressIndex(customer);
        Contact primary = customer.primaryContact();
        List<CustomerInput.AddressInput> addresses = new ArrayList<>();
        for (int i = 0; i < customer.addresses().size(); i++) {
            Address a = customer.addresses().get(i);
            addresses.add(new CustomerInput.AddressInput(a.label(), a.line(), a.city(), a.region(), a.postalCode(),
                    i == primaryAddress, a.id()));
        }
        return new CustomerInput(customer.name(), customer.customerClass(), customer.region(), customer.note(),
                customer.contacts().stream().map(c -> new CustomerInput.ContactInput(c.name(), c.phone(), c.email(), c.role(),
                        c == primary, c.id())).toList(),
                addresses, sortedGroups(customer.groups()));
    }

    private static int primaryAddressIndex(Customer customer) {
        for (int i = 0; i < customer.addresses().size(); i++) {
            if (customer.addresses().get(i).primary()) {
                return i;
            }
        }
        return customer.addresses().isEmpty() ? -1 : 0;
    }

    private static List<String> sortedGroups(List<String> groups) {
        return groups.stream().map(String::strip).distinct().sorted().toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
