package com.opensvc.aftersales.web;

import java.util.Arrays;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.Parameter;

/** Documents a {@link Paging} argument as the query parameters {@code page} and {@code size} it is read from. */
final class PagingDocumentation implements OperationCustomizer {
    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Paging.class);
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        var paging = Arrays.stream(handlerMethod.getMethodParameters())
                .filter(p -> p.getParameterType() == Paging.class).findFirst();
        if (paging.isEmpty()) {
            return operation;
        }
        Paging.DefaultSize defaultSize = paging.get().getParameterAnnotation(Paging.DefaultSize.class);
        int size = defaultSize == null ? Paging.DEFAULT_SIZE : defaultSize.value();
        operation.addParametersItem(new Parameter().in("query").name("page").description("page number, from 0")
                .schema(new IntegerSchema()._default(0).minimum(java.math.BigDecimal.ZERO)));
        operation.addParametersItem(new Parameter().in("query").name("size").description("items per page")
                .schema(new IntegerSchema()._default(size).minimum(java.math.BigDecimal.ONE)
                        .maximum(java.math.BigDecimal.valueOf(PageOf.MAX_SIZE))));
        return operation;
    }
}
