package com.opensvc.aftersales.gateway.edge;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/** The servlet filters of the edge: security headers, CORS refusals, request size and per-client rate limits. */
final class EdgeFilters {
    private EdgeFilters() {
    }

    /**
     * Security headers on every answer; the gateway's values win over a service's. API answers ({@code /api/**})
     * are never stored by a cache and never framed.
     */
    static final class SecurityHeaders extends OncePerRequestFilter {
        private final String hsts;

        SecurityHeaders(EdgeLimitProperties.Headers headers) {
            this.hsts = "max-age=" + headers.hstsMaxAge().toSeconds() + "; includeSubDomains";
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean api = request.getRequestURI().startsWith("/api/");
            Map<String, String> fixed = new java.util.LinkedHashMap<>();
            fixed.put("X-Content-Type-Options", "nosniff");
            fixed.put("X-Frame-Options", "DENY");
            fixed.put("Referrer-Policy", "no-referrer");
            if (request.isSecure()) {
                fixed.put("Strict-Transport-Security", hsts);
            }
            if (api) {
                fixed.put("Cache-Control", "no-store");
                fixed.put("Content-Security-Policy", "frame-ancestors 'none'");
            }
            fixed.forEach(response::setHeader);
            Set<String> owned = new java.util.HashSet<>();
            fixed.keySet().forEach(name -> owned.add(name.toLowerCase(Locale.ROOT)));
            chain.doFilter(request, new HttpServletResponseWrapper(response) {
                @Override
                public void setHeader(String name, String value) {
                    if (!owned.contains(name.toLowerCase(Locale.ROOT))) {
                        super.setHeader(name, value);
                    }
                }

                @Override
                public void addHeader(String name, String value) {
                    if (!owned.contains(name.toLowerCase(Locale.ROOT))) {
                        super.addHeader(name, value);
                    }
                }
            });
        }
    }

    /** A refused cross-origin request is a 403 problem report naming the origin header. */
    static final class ProblemCorsProcessor extends DefaultCorsProcessor {
        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            HttpServletResponse servlet = ((ServletServerHttpResponse) response).getServletResponse();
            EdgeProblems.write(servlet, HttpStatus.FORBIDDEN, "This origin may not call the API across origins",
                    null, Map.of("field", "Origin"));
            response.flush();
        }
    }

    /**
     * A body whose {@code Content-Length} is over the route's limit is a 413 before anything else reads it. A chunked
     * body (no {@code Content-Length}) is not counted here; the services' own limits apply to it.
     */
    static final class RequestSizeLimit extends OncePerRequestFilter {
        private final EdgeLimitProperties.RequestSize limits;

        RequestSizeLimit(EdgeLimitProperties.RequestSize limits) {
            this.limits = limits;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String route = EdgeLimitProperties.routeOf(request.getRequestURI());
            long max = limits.maxOf(route).toBytes();
            long length = request.getContentLengthLong();
            if (length > max) {
                EdgeProblems.write(response, HttpStatus.CONTENT_TOO_LARGE, "The request body is " + length
                        + " bytes; this route takes at most " + max, request.getRequestURI(),
                        Map.of("field", "Content-Length", "maxBytes", max));
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * Per-client rate limit on {@code /api/**}, after authentication: the client is the token's {@code sub}, else
     * its {@code client_id}, else the remote address. Above the limit: 429 with {@code Retry-After}.
     */
    static final class RateLimit extends OncePerRequestFilter {
        private final ClientRateLimits limits;

        RateLimit(ClientRateLimits limits) {
            this.limits = limits;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !request.getRequestURI().startsWith("/api/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            long retryAfter = limits.acquire(client(request));
            if (retryAfter > 0) {
                response.setHeader("Retry-After", Long.toString(retryAfter));
                EdgeProblems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests from this client; "
                        + "try again in " + retryAfter + " s", request.getRequestURI(), Map.of());
                return;
            }
            chain.doFilter(request, response);
        }

        static String client(HttpServletRequest request) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication instanceof JwtAuthenticationToken jwt) {
                String subject = jwt.getToken().getSubject();
                if (subject != null && !subject.isBlank()) {
                    return "sub:" + subject;
                }
                String clientId = jwt.getToken().getClaimAsString("client_id");
                if (clientId != null && !clientId.isBlank()) {
                    return "client:" + clientId;
                }
            }
            return "addr:" + request.getRemoteAddr();
        }
    }
}
