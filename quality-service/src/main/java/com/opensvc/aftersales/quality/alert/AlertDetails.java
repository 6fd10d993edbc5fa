package com.opensvc.aftersales.quality.alert;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** An alert with the failures it counted (their defect records). */
public record AlertDetails(@JsonUnwrapped Alert alert, List<UUID> defectIds) {
}
