package com.opensvc.aftersales.intake.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("INT-24 a caller is found however the desk types the number")
class PhoneKeyTest {
    @Test
    @DisplayName("INT-24 international, national and punctuated forms of one number share a key")
    void INT24_formsShareKey() {
        assertThat(PhoneKey.of("+86 735 2221234")).isEqualTo("7352221234");
        assertThat(PhoneKey.of("0735-2221234")).isEqualTo("7352221234");
        assertThat(PhoneKey.of("(0735) 222 1234")).isEqualTo("7352221234");
        assertThat(PhoneKey.of("2221234")).isEqualTo("2221234");
        assertThat(PhoneKey.of("+86 735 2221235")).isNotEqualTo(PhoneKey.of("+86 735 2221234"));
    }
}
