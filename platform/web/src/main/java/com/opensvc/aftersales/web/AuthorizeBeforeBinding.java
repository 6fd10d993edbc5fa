package com.opensvc.aftersales.web;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Checks an endpoint's {@code @PreAuthorize} roles before its body is read and validated, so a caller
 * without the role gets 403 and learns nothing about the endpoint's fields. Method security still checks
 * again on invocation; the expressions name roles only, so they need no arguments here.
 */
class AuthorizeBeforeBinding implements HandlerInterceptor {
    private final PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && annotated(method)) {
            var invocation = new SimpleMethodInvocation(method.getBean(), method.getMethod(),
                    new Object[method.getMethod().getParameterCount()]);
            AuthorizationResult result = preAuthorize.authorize(
                    () -> SecurityContextHolder.getContext().getAuthentication(), invocation);
            if (result != null && !result.isGranted()) {
                throw new AccessDeniedException("Your role does not allow this");
            }
        }
        return true;
    }

    private static boolean annotated(HandlerMethod method) {
        return method.hasMethodAnnotation(PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PreAuthorize.class);
    }
}
