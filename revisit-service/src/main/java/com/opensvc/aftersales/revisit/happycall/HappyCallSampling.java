package com.opensvc.aftersales.revisit.happycall;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/**
 * REV-01: which completed work orders get a happy call. Deterministic and auditable: the decision is a function
 * of the work-order id alone (SHA-256 of it as a fraction in [0, 1) compared with the rate), so replaying the
 * same input gives the same sample. Default 10 % (DOMAIN.md: 5–10 %).
 */
@Validated
@ConfigurationProperties("aftersales.revisit")
public record HappyCallSampling(@DefaultValue("0.10") @DecimalMin("0.0") @DecimalMax("1.0") double samplingRate) {

    public boolean sampled(UUID workOrderId) {
        return fraction(workOrderId) < samplingRate;
    }

    static double fraction(UUID workOrderId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(workOrderId.toString().getBytes(StandardCharsets.UTF_8));
            long bits = ByteBuffer.wrap(hash, 0, 8).getLong() >>> 11;
            return bits / (double) (1L << 53);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
