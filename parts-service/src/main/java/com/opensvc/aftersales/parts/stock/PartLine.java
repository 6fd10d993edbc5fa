package com.opensvc.aftersales.parts.stock;

public record PartLine(String partNumber, int quantity) {
}
