package com.opensvc.aftersales.parts;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PartsApplication {
    /** Configuration is {@code parts.yml}, so all services can share one classpath in deploy/local. */
    public static final String CONFIG_NAME = "parts";

    public static void main(String[] args) {
        new SpringApplicationBuilder(PartsApplication.class).properties("spring.config.name=" + CONFIG_NAME).run(args);
    }
}
