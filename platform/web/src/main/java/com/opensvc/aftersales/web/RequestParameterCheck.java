package com.opensvc.aftersales.web;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@link InputRules} for what is not a JSON body: query and form parameters, path variables and the request's
 * charset, checked once for every endpoint of every service.
 * <ul>
 * <li>{@link Interceptor} (after the role check, before anything is bound): a {@code Content-Type} charset the JVM
 * does not know is a 415 naming {@code Content-Type}; a parameter or path variable holding a control character is a
 * 400 naming it.</li>
 * <li>{@link YearChecking} wraps every argument resolver: a date or time parameter outside the years 0001–9999 is a
 * 400 naming it.</li>
 * </ul>
 */
final class RequestParameterCheck {
    private RequestParameterCheck() {
    }

    /** A {@code Content-Type} whose charset is unknown (refused with 415 naming the header). */
    static final class UnsupportedCharsetException extends RuntimeException {
        UnsupportedCharsetException() {
            super("unknown charset in Content-Type");
        }
    }

    static final class Interceptor implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (!(handler instanceof HandlerMethod)) {
                return true;
            }
            requireKnownCharset(request.getHeader(HttpHeaders.CONTENT_TYPE));
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                if (InputRules.hasForbiddenCharacter(parameter.getKey())) {
                    throw new InvalidFieldException(InputRules.escaped(parameter.getKey()),
                            "is a parameter name that " + InputRules.CONTROL_CHARACTER);
                }
                for (String value : parameter.getValue()) {
                    if (value != null && InputRules.hasForbiddenCharacter(value)) {
                        throw new InvalidFieldException(parameter.getKey(), InputRules.CONTROL_CHARACTER);
                    }
                }
            }
            if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
                for (Map.Entry<?, ?> variable : variables.entrySet()) {
                    if (variable.getValue() instanceof String value && InputRules.hasForbiddenCharacter(value)) {
                        throw new InvalidFieldException(String.valueOf(variable.getKey()), InputRules.CONTROL_CHARACTER);
                    }
                }
            }
            return true;
        }

        /** Read by hand: Spring's {@code MediaType} refuses an unknown charset with a message of its own. */
        private static void requireKnownCharset(String contentType) {
            if (contentType == null) {
                return;
            }
            for (String parameter : contentType.split(";")) {
                int equals = parameter.indexOf('=');
                if (equals > 0 && parameter.substring(0, equals).strip().equalsIgnoreCase("charset")) {
                    String name = parameter.substring(equals + 1).strip();
                    if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
                        name = name.substring(1, name.length() - 1);
                    }
                    if (!known(name)) {
                        throw new UnsupportedCharsetException();
                    }
                }
            }
        }

        private static boolean known(String charset) {
            try {
                return Charset.isSupported(charset);
            } catch (IllegalCharsetNameException e) {
                return false;
            }
        }
    }

    /** Wraps the handler adapter's argument resolvers, so every resolved date and time parameter is checked. */
    static final class YearChecking implements BeanPostProcessor {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
            if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getArgumentResolvers() != null) {
                List<HandlerMethodArgumentResolver> wrapped = new ArrayList<>();
                adapter.getArgumentResolvers().forEach(r -> wrapped.add(new YearCheckedResolver(r)));
                adapter.setArgumentResolvers(wrapped);
            }
            return bean;
        }
    }

    record YearCheckedResolver(HandlerMethodArgumentResolver delegate) implements HandlerMethodArgumentResolver {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return delegate.supportsParameter(parameter);
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                      NativeWebRequest webRequest, WebDataBinderFactory binderFactory) throws Exception {
            Object value = delegate.resolveArgument(parameter, mavContainer, webRequest, binderFactory);
            if (value != null && outOfRange(value)) {
                throw new InvalidFieldException(name(parameter), InputRules.YEAR_RANGE);
            }
            return value;
        }

        private static boolean outOfRange(Object value) {
            if (value instanceof Collection<?> values) {
                return values.stream().anyMatch(InputRules::isOutOfYearRange);
            }
            if (value instanceof Object[] values) {
                for (Object v : values) {
                    if (InputRules.isOutOfYearRange(v)) {
                        return true;
                    }
                }
                return false;
            }
            return InputRules.isOutOfYearRange(value);
        }

        static String name(MethodParameter parameter) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null && !(param.name() + param.value()).isEmpty()) {
                return param.name().isEmpty() ? param.value() : param.name();
            }
            PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
            if (variable != null && !(variable.name() + variable.value()).isEmpty()) {
                return variable.name().isEmpty() ? variable.value() : variable.name();
            }
            RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
            if (header != null && !(header.name() + header.value()).isEmpty()) {
                return header.name().isEmpty() ? header.value() : header.name();
            }
            return parameter.getParameterName() == null ? "parameter" : parameter.getParameterName();
        }
    }
}
