package com.opensvc.aftersales.dispatch.workorder;

public record PartLine(String partNumber, int quantity) {
}
