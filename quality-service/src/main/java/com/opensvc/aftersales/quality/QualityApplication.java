package com.opensvc.aftersales.quality;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class QualityApplication {
    /** Configuration is {@code quality.yml}, so all services can share one classpath in deploy/local. */
    public static final String CONFIG_NAME = "quality";

    public static void main(String[] args) {
        new SpringApplicationBuilder(QualityApplication.class).properties("spring.config.name=" + CONFIG_NAME).run(args);
    }
}
