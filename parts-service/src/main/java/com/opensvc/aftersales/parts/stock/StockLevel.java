package com.opensvc.aftersales.parts.stock;

public record StockLevel(String location, String partNumber, int onHand, int reserved, int available) {
}
