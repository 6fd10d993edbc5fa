package com.opensvc.aftersales.intake;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IntakeApplication {
    /** Configuration is {@code intake.yml}, so all services can share one classpath in deploy/local. */
    public static final String CONFIG_NAME = "intake";

    public static void main(String[] args) {
        new SpringApplicationBuilder(IntakeApplication.class).properties("spring.config.name=" + CONFIG_NAME).run(args);
    }
}
