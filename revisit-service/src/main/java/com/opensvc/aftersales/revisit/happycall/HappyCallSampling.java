package com.opensvc.aftersales.revisit.happycall;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * REV-01: which completed work orders get a happy call. Deterministic and auditable: the decision is a function
 * of the work-order id alone (the first 8 bytes of its SHA-256 as a fraction in [0, 1) compared with the rate),
 * so replaying the same input gives the same sample.
 *
 * @param samplingRate share of work orders called, 0..1; the platform default is 10 %
 */
@ConfigurationProperties("aftersales.revisit")
public record HappyCallSampling(@DefaultValue("0.10") double samplingRate) {

    public HappyCallSampling {
        if (!(samplingRate >= 0.0 && samplingRate <= 1.0)) {
            throw new IllegalArgumentException("aftersales.revisit.sampling-rate must be between 0 and 1, was " + samplingRate);
        }
    }

    public boolean sampled(UUID workOrderId) {
        return fraction(workOrderId) < samplingRate;
    }

    /** The top 53 bits of the hash, so the fraction is exact in a double and never reaches 1. */
    static double fraction(UUID workOrderId) {
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
