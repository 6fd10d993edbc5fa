package com.opensvc.aftersales.testkit;

import java.time.Instant;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.opensvc.aftersales.web.ResourceServerSecurity;

/** Requests in a {@link WebSliceTest}. */
public final class WebSlice {
    private WebSlice() {
    }

    /** The request as {@code subject} with these SEC-01 roles, authenticated as a validated token would be. */
    public static RequestPostProcessor as(String subject, String... roles) {
        Jwt jwt = Jwt.withTokenValue("web-slice").header("alg", "none").subject(subject)
                .claim(ResourceServerSecurity.ROLES_CLAIM, List.of(roles))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300)).build();
        return SecurityMockMvcRequestPostProcessors.authentication(ResourceServerSecurity.authentication(jwt));
    }

    /** A slice has no issuer: a bearer token on the wire is refused (401); tests authenticate with {@link #as}. */
    static class Configuration {
        @Bean
        JwtDecoder webSliceJwtDecoder() {
            return token -> {
                throw new BadJwtException("no issuer in a web slice");
            };
        }
    }
}
