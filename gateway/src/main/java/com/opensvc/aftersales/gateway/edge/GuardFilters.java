package com.opensvc.aftersales.gateway.edge;

import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.cloud.gateway.server.mvc.common.Shortcut;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The route filter {@code Guard=<service>} of {@code gateway.yml}: the route's calls go through {@link RouteGuards}.
 * Found by the gateway through the {@code FilterSupplier} bean of {@link EdgeConfiguration}.
 */
public final class GuardFilters {
    private GuardFilters() {
    }

    @Shortcut
    public static HandlerFilterFunction<ServerResponse, ServerResponse> guard(String service) {
        return (request, next) -> MvcUtils.getApplicationContext(request).getBean(RouteGuards.class)
                .call(service, request, next);
    }
}
