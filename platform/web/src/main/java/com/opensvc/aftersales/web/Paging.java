package com.opensvc.aftersales.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * The one pair of paging parameters of every list: {@code page} (0 or more) and {@code size} (1 to
 * {@value PageOf#MAX_SIZE}), read from the query by {@link Resolver} when a controller method takes a {@code Paging}.
 * Anything else — not a number, negative, too large — is a problem report naming the parameter. The offset is a
 * {@code long}, so a huge page never overflows into a negative one.
 */
public record Paging(int page, int size) {
    public static final int DEFAULT_SIZE = 20;

    public Paging {
        PageOf.requireValid(page, size);
    }

    public long offset() {
        return (long) page * size;
    }

    public <T> PageOf<T> of(List<T> items, long totalItems) {
        return new PageOf<>(items, page, size, totalItems);
    }

    /** A list whose default page size is not {@value #DEFAULT_SIZE}. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface DefaultSize {
        int value();
    }

    static final class Resolver implements HandlerMethodArgumentResolver {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Paging.class;
        }

        @Override
        public Paging resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                      NativeWebRequest request, WebDataBinderFactory binderFactory) {
            DefaultSize defaultSize = parameter.getParameterAnnotation(DefaultSize.class);
            int page = number(request, "page", 0);
            int size = number(request, "size", defaultSize == null ? DEFAULT_SIZE : defaultSize.value());
            return new Paging(page, size);
        }

        private static int number(NativeWebRequest request, String name, int fallback) {
            String value = request.getParameter(name);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new InvalidFieldException(name, "must be a whole number");
            }
        }
    }
}
