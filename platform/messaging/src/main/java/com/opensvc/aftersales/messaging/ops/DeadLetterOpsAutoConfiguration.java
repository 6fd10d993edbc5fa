package com.opensvc.aftersales.messaging.ops;

import java.time.Clock;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerTypePredicate;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.opensvc.aftersales.messaging.MessagingAutoConfiguration;
import com.opensvc.aftersales.messaging.MessagingProperties;

/** The dead-letter desk of every service with a database, Kafka and a web API (issue 16). */
@AutoConfiguration(after = {MessagingAutoConfiguration.class, MessagingMetricsAutoConfiguration.class})
@ConditionalOnBean({DataSource.class, MessagingMetrics.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({PreAuthorize.class, WebMvcConfigurer.class})
@EnableConfigurationProperties(DeadLetterProperties.class)
@Import(DeadLetterController.class)
public class DeadLetterOpsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DeadLetters deadLetters(ConsumerFactory<?, ?> consumers, KafkaTemplate<Object, Object> template, JdbcClient jdbc,
                            Clock clock, MessagingProperties messaging, MessagingMetrics metrics,
                            DeadLetterProperties properties) {
        Map<String, Object> config = new java.util.HashMap<>(consumers.getConfigurationProperties());
        config.remove(RelayLagInterceptor.REGISTRY);
        return new DeadLetters(config, template, jdbc, clock, messaging.consumedTopics(), metrics,
                properties.readTimeout());
    }

    /** {@code /ops/dead-letters} under the service's API prefix, so the gateway's route reaches it. */
    @Bean
    WebMvcConfigurer deadLetterPath(DeadLetterProperties properties,
                                    @Value("${spring.application.name:service}") String application) {
        String prefix = properties.apiPrefix().isBlank()
                ? "/api/" + application.replaceFirst("-service$", "")
                : properties.apiPrefix();
        return new WebMvcConfigurer() {
            @Override
            public void configurePathMatch(PathMatchConfigurer configurer) {
                configurer.addPathPrefix(prefix, HandlerTypePredicate.forAssignableType(DeadLetterController.class));
            }
        };
    }
}
