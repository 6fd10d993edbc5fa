package com.opensvc.aftersales.parts.stock;

import com.opensvc.aftersales.web.StateConflictException;

/** PRT-02: a movement or reservation asked for more than the location has available (answered 409). */
public class NotEnoughStockException extends StateConflictException {
    public NotEnoughStockException(String partNumber, String location, int available, int wanted) {
        super(partNumber + " at " + location, "available " + available, "take " + wanted);
    }
}
