package com.opensvc.aftersales.intake.customer;

/** What a list or an export of customers may be filtered by; null means "any". */
public record CustomerFilter(String nameStartsWith, String phone, String group, CustomerClass customerClass,
                             String region, Boolean blocked) {
}
