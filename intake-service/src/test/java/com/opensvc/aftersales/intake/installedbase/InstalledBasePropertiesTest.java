package com.opensvc.aftersales.intake.installedbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RPT-04 extra fields of installed products are configuration, checked at start-up")
class InstalledBasePropertiesTest {
    @Test
    @DisplayName("RPT-04 at most five extra fields, unique names, letters and digits; each has its own column")
    void RPT04_extraFieldsChecked() {
        InstalledBaseProperties two = new InstalledBaseProperties(List.of("engineNumber", "diskId"));
        assertThat(two.slotOf("engineNumber")).isEqualTo(1);
        assertThat(two.slotOf("diskId")).isEqualTo(2);
        assertThat(two.slotOf("colour")).isEqualTo(-1);

        assertThatThrownBy(() -> new InstalledBaseProperties(List.of("a", "b", "c", "d", "e", "f")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 5");
        assertThatThrownBy(() -> new InstalledBaseProperties(List.of("diskId", "diskId")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unique");
        assertThatThrownBy(() -> new InstalledBaseProperties(List.of("disk id; DROP TABLE")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a field name");
    }
}
