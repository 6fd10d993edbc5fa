package com.opensvc.aftersales.quality.improvement;

import java.time.Instant;
import java.util.UUID;

/** QLT-05: a photo or other file of a report's problem, as listed (its bytes are downloaded on their own). */
public record ImprovementAttachment(UUID id, UUID reportId, String fileName, String contentType, long size,
                                    String sha256, String addedBy, Instant addedAt) {
}
