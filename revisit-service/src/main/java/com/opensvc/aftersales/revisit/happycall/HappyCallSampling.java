package com.opensvc.aftersales.revisit.happycall;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/**
 * REV-01: which completed work orders get a happy call by sampling. Deterministic and auditable: the sampling value
 * of a work order is a function of its id alone,
 * <pre>
 *   value(id) = first 8 bytes of SHA-256(UTF-8 bytes of id.toString(), lower case with hyphens),
 *               read as an unsigned big-endian number, top 53 bits, divided by 2^53      → in [0, 1)
 *   sampled(id) = value(id) &lt; samplingRate
 * </pre>
 * so replaying the same input gives the same sample, a higher rate samples a superset of a lower one, and anyone
 * can predict a decision ({@code printf %s <id> | sha256sum}, take 16 hex digits, shift right by 11, divide by
 * 2^53). The value is recorded with every decision ({@code GET /api/revisit/decisions}).
 *
 * @param samplingRate share of completed work orders called, 0.05..0.10 (REV-01: 5–10 %); the default is 10 %. A value
 *                     outside refuses to start
 * @param zone         the company's time zone: the calendar month of the technician's monthly coverage is taken there
 */
@Validated
@ConfigurationProperties("aftersales.revisit")
public record HappyCallSampling(
        @DefaultValue("0.10")
        @DecimalMin(value = "0.05", message = "REV-01 samples 5-10 % of completed work orders: must be between 0.05 and 0.10")
        @DecimalMax(value = "0.10", message = "REV-01 samples 5-10 % of completed work orders: must be between 0.05 and 0.10")
        double samplingRate,
        @DefaultValue("UTC") @NotNull ZoneId zone) {

    /** The decision at the configured rate. */
    public boolean sampled(UUID workOrderId) {
        return sampled(workOrderId, samplingRate);
    }

    /** The decision at any rate: {@code value(id) < rate}. */
    public static boolean sampled(UUID workOrderId, double rate) {
        return value(workOrderId) < rate;
    }

    /** The work order's sampling value in [0, 1): the top 53 bits of its hash, so it is exact in a double. */
    public static double value(UUID workOrderId) {
        byte[] hash = sha256().digest(workOrderId.toString().getBytes(StandardCharsets.UTF_8));
        long bits = ByteBuffer.wrap(hash, 0, Long.BYTES).getLong() >>> 11;
        return bits / (double) (1L << 53);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
