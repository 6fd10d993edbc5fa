package com.opensvc.aftersales.dispatch;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DispatchApplication {
    /** Configuration is {@code dispatch.yml}, so all services can share one classpath in deploy/local. */
    public static final String CONFIG_NAME = "dispatch";

    public static void main(String[] args) {
        new SpringApplicationBuilder(DispatchApplication.class).properties("spring.config.name=" + CONFIG_NAME).run(args);
    }
}
