package com.opensvc.aftersales.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The front desk's single entry point: routes {@code /api/<service>/**}, and validates the bearer JWT before a
 * request leaves the edge (each service validates it again and checks roles, SEC-01).
 */
@SpringBootApplication
public class GatewayApplication {
    /** Configuration is {@code gateway.yml}, so all services can share one classpath in deploy/local. */
    public static final String CONFIG_NAME = "gateway";

    public static void main(String[] args) {
        new SpringApplicationBuilder(GatewayApplication.class).properties("spring.config.name=" + CONFIG_NAME).run(args);
    }
}
