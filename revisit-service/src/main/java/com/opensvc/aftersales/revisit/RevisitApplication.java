package com.opensvc.aftersales.revisit;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RevisitApplication {
    /** Configuration is {@code revisit.yml}, so all services can share one classpath in deploy/local. */
    public static final String CONFIG_NAME = "revisit";

    public static void main(String[] args) {
        new SpringApplicationBuilder(RevisitApplication.class).properties("spring.config.name=" + CONFIG_NAME).run(args);
    }
}
