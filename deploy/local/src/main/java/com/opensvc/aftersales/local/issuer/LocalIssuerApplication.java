package com.opensvc.aftersales.local.issuer;

import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The local OIDC issuer (Spring Authorization Server): client-credentials tokens for the demo clients, signed
 * with a key generated on first start and kept in the data directory, carrying a {@code roles} claim.
 * Production uses the company's issuer (Keycloak or another); services only need its JWKS.
 */
@SpringBootApplication
public class LocalIssuerApplication {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(authorizationServer -> {
                    http.securityMatcher(authorizationServer.getEndpointsMatcher());
                    http.csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()));
                    authorizationServer.oidc(oidc -> { });
                })
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health/**").permitAll().anyRequest().denyAll());
        return http.build();
    }

    @Bean
    RegisteredClientRepository demoClients(@Value("${aftersales.issuer.data-dir}") Path dataDir) throws IOException {
        Map<String, DemoClients.Client> clients = DemoClients.loadOrCreate(dataDir.resolve("clients.properties"));
        List<RegisteredClient> registered = clients.values().stream().map(c -> RegisteredClient
                .withId(UUID.nameUUIDFromBytes(c.id().getBytes()).toString())
                .clientId(c.id())
                .clientSecret("{noop}" + c.secret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope("aftersales")
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofHours(8)).build())
                .build()).toList();
        return new InMemoryRegisteredClientRepository(registered);
    }

    /** The token's subject is the client id; its {@code roles} claim the client's SEC-01 role. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> rolesClaim(@Value("${aftersales.issuer.data-dir}") Path dataDir)
            throws IOException {
        Map<String, DemoClients.Client> clients = DemoClients.loadOrCreate(dataDir.resolve("clients.properties"));
        return context -> {
            DemoClients.Client client = clients.get(context.getRegisteredClient().getClientId());
            if (client != null) {
                context.getClaims().claim("roles", List.of(client.role()));
            }
        };
    }

    @Bean
    JWKSource<SecurityContext> signingKey(@Value("${aftersales.issuer.data-dir}") Path dataDir)
            throws IOException, ParseException, JOSEException {
        RSAKey key = SigningKey.loadOrCreate(dataDir);
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(@Value("${aftersales.issuer.issuer-uri:}") String issuer) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (!issuer.isBlank()) {
            settings.issuer(issuer);
        }
        return settings.build();
    }
}
