package com.opensvc.aftersales.intake.installedbase;

import java.util.HashSet;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * RPT-04: installed products carry up to five extra fields whose names are configuration (e.g. engineNumber,
 * diskId); search, exports and reports use them by name. Checked at start-up.
 */
@Validated
@ConfigurationProperties("aftersales.intake.installed-base")
public record InstalledBaseProperties(@DefaultValue List<String> extraFields) {
    public static final int MAX_EXTRA_FIELDS = 5;

    public InstalledBaseProperties {
        if (extraFields.size() > MAX_EXTRA_FIELDS) {
            throw new IllegalArgumentException("aftersales.intake.installed-base.extra-fields: at most "
                    + MAX_EXTRA_FIELDS + " extra fields, got " + extraFields.size());
        }
        if (new HashSet<>(extraFields).size() != extraFields.size()) {
            throw new IllegalArgumentException("aftersales.intake.installed-base.extra-fields: names must be unique");
        }
        for (String name : extraFields) {
            if (name == null || !name.matches("[a-zA-Z][a-zA-Z0-9]{0,39}")) {
                throw new IllegalArgumentException("aftersales.intake.installed-base.extra-fields: '" + name
                        + "' is not a field name (letters and digits, starting with a letter)");
            }
        }
        extraFields = List.copyOf(extraFields);
    }

    /** The column ({@code extra_1} … {@code extra_5}) that holds a named extra field, or -1. */
    public int slotOf(String name) {
        int index = extraFields.indexOf(name);
        return index < 0 ? -1 : index + 1;
    }
}
