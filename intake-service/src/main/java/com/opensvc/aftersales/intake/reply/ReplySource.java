package com.opensvc.aftersales.intake.reply;

/** INT-25: who set the reply deadline. */
public enum ReplySource {
    PROMISED_BY_US, CHOSEN_BY_CUSTOMER
}
