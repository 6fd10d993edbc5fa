package com.opensvc.aftersales.intake.customer.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.intake.customer.Address;
import com.opensvc.aftersales.intake.customer.Contact;
import com.opensvc.aftersales.intake.customer.Customer;
import com.opensvc.aftersales.intake.customer.CustomerClass;
import com.opensvc.aftersales.intake.customer.CustomerInput;
import com.opensvc.aftersales.web.InvalidFieldException;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

class CustomerSheetTest {
    private static final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();

    @AfterAll
    static void close() {
        validation.close();
    }

    private static Sheet.Row row(int number, String... cells) {
        return Sheet.Row.of(number, List.of(cells));
    }

    private static List<InvalidFieldException.FieldError> errorsOf(Runnable action) {
        try {
            action.run();
        } catch (InvalidFieldException e) {
            return e.errors();
        }
        throw new AssertionError("no errors");
    }

    @Test
    @DisplayName("RPT-04 formula-like CSV cells are defused on export and restored on import")
    void RPT04_formulaInjectionGuard() {
        for (String dangerous : List.of("=HYPERLINK(\"x\")", "+86 735 2221234", "-1", "@SUM(A1)")) {
            assertThat(CellText.forCsv(dangerous)).isEqualTo("'" + dangerous);
            assertThat(CellText.fromSheet(CellText.forCsv(dangerous))).isEqualTo(dangerous);
        }
        assertThat(CellText.forCsv("张三")).isEqualTo("张三");
        assertThat(CellText.fromSheet("'quoted by the user")).isEqualTo("'quoted by the user");
    }

    @Test
    @DisplayName("RPT-04 header names match ignoring case, spaces and aliases; unknown and missing columns are named")
    void RPT04_headerMatching() {
        RowErrors errors = new RowErrors(100);
        CustomerSheet sheet = CustomerSheet.fromHeader(row(1, "NAME", "primary_contact_phone", "e-mail", "Postal Code"), errors);
        assertThat(errors.isEmpty()).isTrue();
        assertThat(sheet.columns()).containsExactlyInAnyOrder(CustomerColumn.NAME, CustomerColumn.CONTACT_PHONE,
                CustomerColumn.EMAIL, CustomerColumn.POSTAL_CODE);

        var found = errorsOf(() -> {
            RowErrors e = new RowErrors(100);
            CustomerSheet.fromHeader(row(1, "Name", "Emial", "Name"), e);
            e.throwIfAny();
        });
        assertThat(found).extracting(InvalidFieldException.FieldError::field)
                .containsExactly("header[2]", "header.name", "header.contactPhone");
    }

    @Test
    @DisplayName("RPT-04 each bad cell is named by row and column, the value never repeated")
    void RPT04_rowErrorsNameTheCell() {
        RowErrors errors = new RowErrors(100);
        CustomerSheet sheet = CustomerSheet.fromHeader(row(1, "Name", "Class", "Contact phone", "Email", "City"), errors);
        var validator = validation.getValidator();
        assertThat(sheet.parse(row(2, "Acme", "a", "0735-2221234", "", ""), validator, errors)).isNotNull();
        assertThat(sheet.parse(row(3, "", "Z", "phone-9876", "not-an-email", "Changsha", "extra"), validator, errors)).isNull();

        var found = errorsOf(errors::throwIfAny);
        assertThat(found).extracting(InvalidFieldException.FieldError::field).containsExactlyInAnyOrder(
                "rows[3]", "rows[3].class", "rows[3].address", "rows[3].name", "rows[3].contactPhone", "rows[3].email");
        assertThat(found).extracting(InvalidFieldException.FieldError::message).noneMatch(m -> m.contains("9876"));
    }

    @Test
    @DisplayName("RPT-04 only the first errors are listed, with the total")
    void RPT04_errorCap() {
        RowErrors errors = new RowErrors(3);
        for (int i = 0; i < 10; i++) {
            errors.add(i + 2, CustomerColumn.CONTACT_PHONE, "must be a phone number");
        }
        var found = errorsOf(errors::throwIfAny);
        assertThat(found).hasSize(4);
        assertThat(found.get(3).message()).isEqualTo("10 errors in all; the first 3 are listed");
    }

    @Test
    @DisplayName("RPT-04 INT-20 an update changes the primary contact and address in place and keeps the others")
    void RPT04_updateKeepsOtherContactsAndAddresses() {
        Contact office = new Contact(UUID.randomUUID(), "Office", "0731-1111111", null, "reception", false);
        Contact boss = new Contact(UUID.randomUUID(), "Wang", "13800000001", "wang@example.com", "owner", true);
        Address home = new Address(UUID.randomUUID(), "home", "1 Road", "Changsha", "Hunan", "410000", true);
        Address site = new Address(UUID.randomUUID(), "site", "2 Road", "Zhuzhou", "Hunan", null, false);
        Customer existing = new Customer(UUID.randomUUID(), "Acme", CustomerClass.B, "South", "note", List.of(office, boss),
                List.of(home, site), List.of("VIP"), false, null, null, null, 3, Instant.EPOCH, "a", Instant.EPOCH, "a");
        RowErrors errors = new RowErrors(100);
        CustomerSheet sheet = CustomerSheet.fromHeader(row(1, "Customer ID", "Name", "Contact phone", "Address"), errors);
        var parsed = sheet.parse(row(2, existing.id().toString(), "Acme Ltd", "13800000002", "3 Road"),
                validation.getValidator(), errors);

        CustomerInput merged = sheet.merged(existing, parsed);

        assertThat(merged.name()).isEqualTo("Acme Ltd");
        assertThat(merged.customerClass()).isEqualTo(CustomerClass.B);
        assertThat(merged.note()).as("no Note column: unchanged").isEqualTo("note");
        assertThat(merged.groups()).containsExactly("VIP");
        assertThat(merged.contacts()).extracting(CustomerInput.ContactInput::phone).containsExactly("0731-1111111", "13800000002");
        assertThat(merged.contacts().get(1).name()).isEqualTo("Wang");
        assertThat(merged.contacts().get(1).email()).isEqualTo("wang@example.com");
        assertThat(merged.addresses()).extracting(CustomerInput.AddressInput::line).containsExactly("3 Road", "2 Road");
        assertThat(merged.addresses().get(0).city()).isEqualTo("Changsha");
        assertThat(merged.contacts()).as("INT-20 contacts keep their ids: tickets refer to them")
                .extracting(CustomerInput.ContactInput::id).containsExactly(office.id(), boss.id());
        assertThat(merged.addresses()).extracting(CustomerInput.AddressInput::id).containsExactly(home.id(), site.id());

        var same = sheet.parse(row(3, existing.id().toString(), "Acme", "13800000001", "1 Road"), validation.getValidator(), errors);
        assertThat(sheet.merged(existing, same)).isEqualTo(CustomerSheet.asInput(existing));
    }

    @Test
    @DisplayName("RPT-04 CSV: BOM, GB18030 from Chinese Excel, unbalanced quotes refused")
    void RPT04_csvReading() {
        byte[] utf8 = "\uFEFFName,Contact phone\r\n张三,13800000000\r\n\r\n".getBytes(StandardCharsets.UTF_8);
        Sheet sheet = CsvSheetReader.read(utf8, null, 10);
        assertThat(sheet.header().cells()).containsExactly("Name", "Contact phone");
        assertThat(sheet.rows()).singleElement().satisfies(r -> assertThat(r.cells()).containsExactly("张三", "13800000000"));

        byte[] gbk = "Name,Contact phone\n张三,13800000000\n".getBytes(java.nio.charset.Charset.forName("GB18030"));
        assertThat(CsvSheetReader.read(gbk, null, 10).rows().get(0).cell(0)).isEqualTo("张三");

        assertThatThrownBy(() -> CsvSheetReader.read("Name,Contact phone\n\"Acme,138\n".getBytes(StandardCharsets.UTF_8), null, 10))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("not valid CSV");
        assertThatThrownBy(() -> CsvSheetReader.read("Name,Contact phone\na,1\nb,2\n".getBytes(StandardCharsets.UTF_8), null, 1))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("more than 1 customer rows");
    }
}
