package com.opensvc.aftersales.web;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

import org.apache.catalina.startup.Tomcat;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every call needs a bearer JWT from the issuer (SEC-01); the token's {@code roles} claim becomes
 * {@code ROLE_*} authorities and each endpoint names the roles it allows with {@code @PreAuthorize}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
@Import(ProblemReports.class)
public class ResourceServerSecurity {

    public static final String ROLES_CLAIM = "roles";

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain resourceServerFilterChain(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/error").permitAll()
                        // issue 17: Prometheus scrapes without a token inside the cluster; the gateway routes only /api
                        // and the API documents, and the ingress only those, so metrics never reach the outside
                        .requestMatchers("/actuator/prometheus").permitAll()
                        // issue 16: the API documents and the gateway's Swagger UI are open (the operations are not)
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(ResourceServerSecurity::authentication))
                        .authenticationEntryPoint((request, response, e) ->
                                problem(response, HttpStatus.UNAUTHORIZED, "A valid bearer token is required")))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        problem(response, HttpStatus.FORBIDDEN, "Your role does not allow this")));
        return http.build();
    }

    @Bean
    WebMvcConfigurer authorizeBeforeBinding() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AuthorizeBeforeBinding());
                registry.addInterceptor(new RequestParameterCheck.Interceptor());
            }

            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new Paging.Resolver());
            }

            /** An unparseable {@code Accept} still gets its problem report (issue 16 fuzz: {@code Accept: ' OR 1=1 --}). */
            @Override
            public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
                configurer.strategies(List.of(new ProblemTolerantAcceptHeader()));
            }
        };
    }

    /**
     * A path Spring Security's firewall refuses ({@code //}, {@code ;}, an encoded {@code %2F}) is a problem report
     * too, not Spring Boot's error page (issue 16 fuzz: an empty path variable, {@code /tickets//resume}).
     */
    @Bean
    @ConditionalOnMissingBean(RequestRejectedHandler.class)
    RequestRejectedHandler problemReportOnRejectedRequest() {
        return (request, response, e) -> problem(response, HttpStatus.BAD_REQUEST,
                "The request's path or headers are not allowed");
    }

    /**
     * The {@code Accept} header as Spring reads it, except that one that does not parse asks for a problem report: the
     * error then has its body ({@code application/problem+json}) instead of none, and any other answer is a 406 with
     * one. A controller that reads {@code Accept} itself still sees the header as sent.
     */
    static final class ProblemTolerantAcceptHeader extends HeaderContentNegotiationStrategy {
        @Override
        public List<MediaType> resolveMediaTypes(NativeWebRequest request) throws HttpMediaTypeNotAcceptableException {
            try {
                return super.resolveMediaTypes(request);
            } catch (HttpMediaTypeNotAcceptableException e) {
                return List.of(MediaType.APPLICATION_PROBLEM_JSON);
            }
        }
    }

    /** Date and time parameters outside the years 0001–9999 are refused ({@link RequestParameterCheck}). */
    @Bean
    static BeanPostProcessor parameterYearChecking() {
        return new RequestParameterCheck.YearChecking();
    }

    /**
     * Request bodies are read by {@link RequestJson#mapper}: the service's mapper with the input rules. Ordered after
     * Spring Boot's own customizer (order 0), whose JSON converter it replaces; clients and events keep the service's
     * mapper.
     */
    @Bean
    @Order(1)
    @ConditionalOnClass(JsonMapper.class)
    ServerHttpMessageConvertersCustomizer requestJsonConverter(ObjectProvider<JsonMapper> jsonMapper) {
        return builder -> builder.withJsonConverter(new JacksonJsonHttpMessageConverter(
                RequestJson.mapper(jsonMapper.getIfAvailable(() -> JsonMapper.builder().build()))));
    }

    /** Tomcat's own refusals (a {@code %2F} in the path) as problem reports, in every service and the gateway. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tomcat.class)
    static class TomcatProblemReports {
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
            return new ProblemReportValve.Installer();
        }
    }

    @Bean
    org.springdoc.core.customizers.OperationCustomizer pagingDocumentation() {
        return new PagingDocumentation();
    }

    public static AbstractAuthenticationToken authentication(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, roles(jwt), jwt.getSubject());
    }

    static Collection<GrantedAuthority> roles(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
        return roles == null ? List.of()
                : roles.stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        // else the servlet container's default, ISO-8859-1, is named in the Content-Type of every 400/401/403 here
        response.setCharacterEncoding(java.nio.charset.StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}
