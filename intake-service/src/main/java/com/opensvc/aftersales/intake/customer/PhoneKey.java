package com.opensvc.aftersales.intake.customer;

/**
 * The key a phone number is looked up by (INT-24): its last ten digits. "+86 735 2221234", "0735-2221234" and
 * "(0735) 222 1234" are the same caller; the desk types the number however the caller says it.
 */
public final class PhoneKey {
    static final int DIGITS = 10;

    private PhoneKey() {
    }

    public static String of(String phone) {
        String digits = phone == null ? "" : phone.replaceAll("[^0-9]", "");
        return digits.length() <= DIGITS ? digits : digits.substring(digits.length() - DIGITS);
    }
}
